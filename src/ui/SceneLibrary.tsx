import { useState, type DragEvent } from 'react';
import { filesFromDirectoryInput, filesFromDrop, type PickedFolder } from './sequenceFiles';
import type { SceneSummary } from './uiTypes';

export interface SceneLibraryProps {
  readonly scenes: readonly SceneSummary[];
  readonly currentId?: string;
  /** Why the list is empty or read-only (e.g. storage not available yet). */
  readonly storageNote?: string;
  readonly demoNote?: string;
  readonly sequenceNote?: string;
  readonly onOpenDemo?: () => void;
  readonly onOpenFolder?: (folder: PickedFolder) => void;
  readonly onOpen?: (id: string) => void;
  readonly onRename?: (id: string, name: string) => void;
  readonly onDelete?: (id: string) => void;
  readonly onExport?: (id: string) => void;
  readonly onImport?: (file: File) => void;
  /** Live sources: the camera, AR (only where the browser offers it), a video file. */
  readonly onStartCamera?: () => void;
  readonly onStartAr?: () => void;
  /** Why there is no AR button here (desktop browsers, iPhones …). */
  readonly arNote?: string;
  readonly onOpenVideo?: (file: File) => void;
  readonly onError: (message: string) => void;
}

/** "1 object", "14 objects". */
export const countOf = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** Start a scene (demo, sequence folder, imported mosaic) and manage saved ones. Handlers absent = feature not wired. */
export function SceneLibrary(props: SceneLibraryProps) {
  const [dragging, setDragging] = useState(false);
  const [renaming, setRenaming] = useState<{ id: string; name: string }>();
  const [confirmDelete, setConfirmDelete] = useState<string>();

  const pickFolder = (list: FileList | null) => {
    if (!list || list.length === 0 || !props.onOpenFolder) return;
    try {
      props.onOpenFolder(filesFromDirectoryInput(list));
    } catch (e) {
      props.onError((e as Error).message);
    }
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    if (!props.onOpenFolder) return;
    const items = e.dataTransfer.items;
    filesFromDrop(items).then(props.onOpenFolder, (err: Error) => props.onError(err.message));
  };

  return (
    <div className="library">
      <section aria-label="New scene" className="library-new">
        <button type="button" onClick={props.onOpenDemo} disabled={!props.onOpenDemo} data-testid="open-demo">
          Demo scene
        </button>
        {props.demoNote && <p className="note">{props.demoNote}</p>}
        <div className="live-buttons">
          {props.onStartAr && (
            <button type="button" onClick={props.onStartAr} data-testid="start-ar">
              Start AR
            </button>
          )}
          <button type="button" onClick={props.onStartCamera} disabled={!props.onStartCamera}>
            Live camera
          </button>
          <label className={`button-like ${props.onOpenVideo ? '' : 'disabled'}`}>
            Video file…
            <input
              type="file"
              accept="video/*"
              className="visually-hidden"
              data-testid="video-file"
              disabled={!props.onOpenVideo}
              onChange={(e) => {
                const f = e.target.files?.[0];
                if (f) props.onOpenVideo?.(f);
                e.target.value = '';
              }}
            />
          </label>
        </div>
        {props.arNote && (
          <p className="note" data-testid="ar-note">
            {props.arNote}
          </p>
        )}
        <label className={`button-like ${props.onOpenFolder ? '' : 'disabled'}`}>
          Open sequence folder…
          <input
            type="file"
            className="visually-hidden"
            // webkitdirectory is not in React's typings; spread keeps it a plain attribute.
            {...{ webkitdirectory: '', directory: '' }}
            multiple
            disabled={!props.onOpenFolder}
            onChange={(e) => pickFolder(e.target.files)}
          />
        </label>
        <div
          className={`dropzone ${dragging ? 'dragging' : ''}`}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          or drop a sequence folder here (image/, depth/, trajectory.log, intrinsics.json)
        </div>
        {props.sequenceNote && <p className="note">{props.sequenceNote}</p>}
        <label className={`button-like secondary ${props.onImport ? '' : 'disabled'}`}>
          Import mosaic file…
          <input
            type="file"
            accept=".json,application/json"
            className="visually-hidden"
            disabled={!props.onImport}
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (f) props.onImport?.(f);
              e.target.value = '';
            }}
          />
        </label>
      </section>

      <section aria-label="Saved scenes">
        <h3>Saved scenes</h3>
        {props.storageNote && <p className="note">{props.storageNote}</p>}
        {props.scenes.length === 0 && !props.storageNote && <p className="note">No saved scenes yet.</p>}
        <ul className="scene-list">
          {props.scenes.map((s) => (
            <li key={s.id} className={s.id === props.currentId ? 'current' : ''}>
              {renaming?.id === s.id ? (
                <form
                  className="rename"
                  onSubmit={(e) => {
                    e.preventDefault();
                    if (renaming.name.trim()) props.onRename?.(s.id, renaming.name.trim());
                    setRenaming(undefined);
                  }}
                >
                  <input
                    aria-label={`New name for ${s.name}`}
                    value={renaming.name}
                    autoFocus
                    onChange={(e) => setRenaming({ id: s.id, name: e.target.value })}
                  />
                  <button type="submit">Save</button>
                  <button type="button" onClick={() => setRenaming(undefined)}>
                    Cancel
                  </button>
                </form>
              ) : (
                <button type="button" className="scene-open" onClick={() => props.onOpen?.(s.id)}>
                  <span className="scene-title">{s.name}</span>
                  <span className="scene-meta">
                    {countOf(s.objectCount, 'object')} · {countOf(s.frameCount, 'keyframe')} ·{' '}
                    {new Date(s.updatedAt).toLocaleString()}
                  </span>
                  {s.partial && (
                    <span className="scene-partial" data-testid="scene-partial">
                      Partial: {s.partial}
                    </span>
                  )}
                </button>
              )}
              <div className="scene-actions">
                <button
                  type="button"
                  aria-label={`Rename ${s.name}`}
                  onClick={() => setRenaming({ id: s.id, name: s.name })}
                >
                  Rename
                </button>
                <button type="button" aria-label={`Export ${s.name}`} onClick={() => props.onExport?.(s.id)}>
                  Export
                </button>
                <button
                  type="button"
                  className="danger"
                  aria-label={confirmDelete === s.id ? `Confirm delete ${s.name}` : `Delete ${s.name}`}
                  onClick={() => {
                    if (confirmDelete === s.id) {
                      props.onDelete?.(s.id);
                      setConfirmDelete(undefined);
                    } else setConfirmDelete(s.id);
                  }}
                >
                  {confirmDelete === s.id ? 'Confirm' : 'Delete'}
                </button>
              </div>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
