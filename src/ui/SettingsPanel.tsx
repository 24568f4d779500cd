import type { BackendPreference } from '../core/backend/decideBackend';
import type { ModelRow } from './modelInventory';
import { sanitize } from './settings';
import type { BackendStatus, Settings } from './uiTypes';

export interface SettingsPanelProps {
  readonly settings: Settings;
  readonly backend: BackendStatus;
  readonly onChange: (s: Settings) => void;
  /** Settings → Models: every manifest model, its size, source and state here. */
  readonly models?: readonly ModelRow[];
  readonly modelsNote?: string;
  readonly onDeleteModel?: (id: string) => void;
}

const STATE_TEXT: Record<ModelRow['state'], string> = {
  bundled: 'bundled',
  'in models folder': 'in the app’s models folder',
  cached: 'downloaded (in this browser)',
  'not installed': 'not installed',
  downloading: 'downloading',
};

/** Backend preference, models and downloads, the reasoner's budgets and display units. */
export function SettingsPanel({
  settings,
  backend,
  onChange,
  models,
  modelsNote,
  onDeleteModel,
}: SettingsPanelProps) {
  const set = (patch: Partial<Settings>) => onChange(sanitize({ ...settings, ...patch }));
  return (
    <form className="settings" onSubmit={(e) => e.preventDefault()}>
      {/* First: the one setting most people change. */}
      <fieldset>
        <legend>Units</legend>
        {(['metric', 'imperial'] as const).map((u) => (
          <label key={u} className="radio">
            <input
              type="radio"
              name="units"
              value={u}
              checked={settings.units === u}
              onChange={() => set({ units: u })}
            />
            {u === 'metric' ? 'Metres' : 'Feet and inches'}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Backend</legend>
        {(['auto', 'webgpu', 'wasm'] as BackendPreference[]).map((b) => (
          <label key={b} className="radio">
            <input
              type="radio"
              name="backend"
              value={b}
              checked={settings.backend === b}
              onChange={() => set({ backend: b })}
            />
            {b === 'auto' ? 'Automatic' : b === 'webgpu' ? 'WebGPU' : 'wasm (CPU)'}
          </label>
        ))}
        <p className="note">
          In use: {backend.label}
          {backend.detail ? ` — ${backend.detail}` : ''}. A change applies when models next load (reload the
          page).
        </p>
      </fieldset>
      <fieldset className="models-settings">
        <legend>Models</legend>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={settings.allowDownloads}
            onChange={(e) => set({ allowDownloads: e.target.checked })}
            data-testid="allow-downloads"
          />
          Allow downloads from the Hugging Face Hub
        </label>
        <p className="note">
          {settings.allowDownloads
            ? 'A model that is neither in the app nor in this browser is downloaded once, checked and kept here.'
            : 'Off: only models in the app’s folder or already in this browser are used, and nothing is downloaded.'}
        </p>
        {modelsNote && <p className="note">{modelsNote}</p>}
        <ul className="model-list" aria-label="Models">
          {(models ?? []).map((m) => (
            <li key={m.id} data-testid="model-row" data-state={m.state}>
              <span className="model-id">{m.id}</span>
              <span className="model-meta">
                {m.kind} · {m.size} · {m.source} · {m.licence}
              </span>
              <span className={`model-state state-${m.state.replace(/ /g, '-')}`}>
                {STATE_TEXT[m.state]}
                {m.progress !== undefined && (
                  <progress max={100} value={m.progress} aria-label={`${m.id} download`} />
                )}
              </span>
              {m.deletable && onDeleteModel && (
                <button
                  type="button"
                  aria-label={`Delete ${m.id} from this browser`}
                  onClick={() => onDeleteModel(m.id)}
                >
                  Delete
                </button>
              )}
            </li>
          ))}
        </ul>
      </fieldset>
      <fieldset>
        <legend>Reasoning budget</legend>
        <label className="field">
          Prompt token budget
          <input
            type="number"
            min={200}
            max={8000}
            step={100}
            value={settings.tokenBudget}
            onChange={(e) => set({ tokenBudget: Number(e.target.value) })}
          />
        </label>
        <label className="field">
          Perception iterations per question
          <input
            type="number"
            min={0}
            max={10}
            value={settings.iterationBudget}
            onChange={(e) => set({ iterationBudget: Number(e.target.value) })}
          />
        </label>
      </fieldset>
    </form>
  );
}
