import type { BackendPreference } from '../core/backend/decideBackend';
import { sanitize } from './settings';
import type { BackendStatus, Settings } from './uiTypes';

export interface SettingsPanelProps {
  readonly settings: Settings;
  readonly backend: BackendStatus;
  readonly onChange: (s: Settings) => void;
}

/** Backend preference, the reasoner's budgets and display units. Changing the backend takes effect on reload. */
export function SettingsPanel({ settings, backend, onChange }: SettingsPanelProps) {
  const set = (patch: Partial<Settings>) => onChange(sanitize({ ...settings, ...patch }));
  return (
    <form className="settings" onSubmit={(e) => e.preventDefault()}>
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
    </form>
  );
}
