import type { BackendStatus, ModelStatus } from './uiTypes';

export interface HeaderProps {
  readonly backend: BackendStatus;
  readonly models: readonly ModelStatus[];
  /** What the objects in the view come from: "demo scene ground truth", "YOLOX-Nano", … */
  readonly perceptionSource: string;
  readonly sceneName?: string;
  readonly onOpenLibrary: () => void;
  readonly onOpenSettings: () => void;
}

/** Product name, the scene, and an honest status line: which backend and which models are really in use. */
export function Header(props: HeaderProps) {
  const { backend, models, perceptionSource, sceneName } = props;
  return (
    <header className="app-header">
      <button
        type="button"
        className="icon-button"
        aria-label="Open scene library"
        onClick={props.onOpenLibrary}
      >
        <span aria-hidden="true">☰</span>
      </button>
      <div className="app-title">
        <h1>Spatial Mosaic</h1>
        {sceneName && (
          <span className="scene-name" data-testid="scene-name">
            {sceneName}
          </span>
        )}
      </div>
      <dl className="status-line" aria-label="Status">
        <div>
          <dt>Backend</dt>
          <dd data-testid="backend" data-state={backend.state} title={backend.detail}>
            {backend.label}
          </dd>
        </div>
        <div>
          <dt>Perception</dt>
          <dd data-testid="perception-source">{perceptionSource}</dd>
        </div>
        <div className="models">
          <dt>Models</dt>
          <dd data-testid="models">
            {models.length === 0
              ? 'none loaded'
              : models.map((m) => (
                  <span key={m.role} className={`model model-${m.state}`} title={`${m.role}: ${m.state}`}>
                    {m.role}: {m.name}
                    {m.state !== 'active' ? ` (${m.state})` : ''}
                  </span>
                ))}
          </dd>
        </div>
      </dl>
      <button type="button" className="icon-button" aria-label="Open settings" onClick={props.onOpenSettings}>
        <span aria-hidden="true">⚙</span>
      </button>
    </header>
  );
}
