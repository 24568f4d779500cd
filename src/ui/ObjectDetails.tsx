import type { Mosaic, MosaicObject } from '../core/mosaic/types';
import { nearWords, objectWhere, whereWords } from './objectWhere';
import { formatLength } from './settings';
import type { Units } from './uiTypes';
import { CloseButton } from './CloseButton';

/** What the mosaic knows about one object, and where (which frames) it was seen. */
export function ObjectDetails({
  object: o,
  mosaic,
  names,
  units,
  onClose,
}: {
  readonly object: MosaicObject;
  /** The map it is in: where it is is said from its neighbours and the camera. */
  readonly mosaic: Mosaic;
  /** What the picker calls each object ("chair 2"). */
  readonly names: ReadonlyMap<string, string>;
  readonly units: Units;
  readonly onClose: () => void;
}) {
  const name = names.get(o.id) ?? o.label;
  const place = objectWhere(mosaic, o);
  const nameOf = (id: string) => names.get(id) ?? id;
  const where = whereWords(place, nameOf, units);
  const near = nearWords(place, nameOf, units);
  const frames = [...new Set((o.recentObservations ?? []).map((ob) => ob.frame))].sort((a, b) => a - b);
  const size = o.size.map((s) => formatLength(s, units)).join(' × ');
  const others = o.labels.filter((l) => l.label !== o.label);
  return (
    <aside className="object-details" aria-label={`Selected object: ${name}`} data-testid="object-details">
      <div className="object-details-head">
        <h2>{name}</h2>
        <CloseButton label="Deselect object" onClick={onClose} />
      </div>
      {/* One line for phones, where the full list would cover the view. */}
      <p className="object-summary">
        {size} · {near || `seen ${o.observations} ${o.observations === 1 ? 'time' : 'times'}`}
      </p>
      <dl>
        <dt>Size</dt>
        <dd>{size}</dd>
        {/* Where, as a person finds it; the raw coordinates only on hover. */}
        {where && (
          <>
            <dt>Where</dt>
            <dd title={`Centre: ${o.center.map((c) => c.toFixed(2)).join(', ')} m`}>{where}</dd>
          </>
        )}
        <dt>Confidence</dt>
        <dd>{Math.round(o.confidence * 100)}%</dd>
        <dt>Seen</dt>
        <dd>
          {o.observations}× — first frame {o.firstSeenFrame} ({o.firstSeenTime.toFixed(1)} s), last{' '}
          {o.lastSeenFrame}
        </dd>
        {frames.length > 0 && (
          <>
            <dt>Recent frames</dt>
            <dd>{frames.join(', ')}</dd>
          </>
        )}
        {others.length > 0 && (
          <>
            <dt>Also called</dt>
            <dd>{others.map((l) => `${l.label} (${l.count})`).join(', ')}</dd>
          </>
        )}
      </dl>
      <p className="note seen-note">Yellow markers on the camera path show where it was seen.</p>
    </aside>
  );
}
