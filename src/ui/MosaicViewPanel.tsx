import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import type { Mosaic } from '../core/mosaic/types';
import { MosaicView } from '../view3d/MosaicView';
import { ObjectDetails } from './ObjectDetails';
import { objectNames } from './objectNames';
import type { Units } from './uiTypes';

export interface MosaicViewPanelProps {
  readonly mosaic?: Mosaic;
  /** Identity of the open scene: a new one re-frames the camera; updates of the same one keep the user's orbit. */
  readonly sceneId?: string;
  readonly selectedId?: string;
  readonly highlightIds: readonly string[];
  readonly units: Units;
  readonly emptyText: string;
  /** Buttons in the empty view ("Try the demo scene", "Use the camera"), so a first visit has an obvious next step. */
  readonly emptyActions?: readonly { readonly label: string; readonly onClick: () => void }[];
  /** Drawn over the view (the live source's preview). */
  readonly children?: ReactNode;
  readonly onSelect: (id: string | undefined) => void;
}

/**
 * The three.js view as a React component. The MosaicView lives for the component's lifetime; props are pushed
 * into it imperatively, and it draws a frame only when one of them changes.
 */
export function MosaicViewPanel(props: MosaicViewPanelProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<MosaicView | null>(null);
  const onSelect = useRef(props.onSelect);
  onSelect.current = props.onSelect;

  useEffect(() => {
    const v = new MosaicView(host.current!, { onSelect: (id) => onSelect.current(id) });
    view.current = v;
    return () => {
      v.dispose();
      view.current = null;
    };
  }, []);

  const { mosaic, selectedId, highlightIds } = props;
  const sceneKey = props.sceneId ?? '';
  const lastKey = useRef<string | undefined>(undefined);
  useEffect(() => {
    const refit = lastKey.current !== sceneKey;
    lastKey.current = sceneKey;
    view.current?.setMosaic(mosaic, refit);
  }, [mosaic, sceneKey]);
  useEffect(() => view.current?.setSelection(selectedId), [selectedId]);
  useEffect(() => view.current?.setHighlights(highlightIds), [highlightIds]);

  const selected = selectedId ? mosaic?.objects.find((o) => o.id === selectedId) : undefined;
  const names = useMemo(() => objectNames(mosaic?.objects ?? []), [mosaic]);
  return (
    <section className="view-panel" aria-label="3D view">
      <div className="view-host" ref={host} data-testid="view3d" />
      {!mosaic?.objects.length && props.emptyText && (
        <div className="view-empty">
          <p>{props.emptyText}</p>
          {props.emptyActions && props.emptyActions.length > 0 && (
            <div className="view-empty-actions">
              {props.emptyActions.map((a) => (
                <button key={a.label} type="button" onClick={a.onClick}>
                  {a.label}
                </button>
              ))}
            </div>
          )}
        </div>
      )}
      <div className="view-tools">
        <button
          type="button"
          aria-label="Fit the whole scene in view"
          onClick={() => view.current?.frameAll()}
        >
          Fit
        </button>
        {mosaic && mosaic.objects.length > 0 && (
          <label className="object-picker">
            <span className="visually-hidden">Select an object</span>
            <select
              value={selectedId ?? ''}
              onChange={(e) => props.onSelect(e.target.value || undefined)}
              aria-label="Select an object"
            >
              <option value="">
                {mosaic.objects.length} object{mosaic.objects.length === 1 ? '' : 's'}…
              </option>
              {mosaic.objects.map((o) => (
                <option key={o.id} value={o.id}>
                  {names.get(o.id)}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {props.children}
      {selected && mosaic && (
        <ObjectDetails
          object={selected}
          mosaic={mosaic}
          names={names}
          units={props.units}
          onClose={() => props.onSelect(undefined)}
        />
      )}
    </section>
  );
}
