/**
 * The element's shadow styles. Shadow DOM keeps page selectors out and these in; inherited properties (font,
 * colour) still flow in from the host, so `.root` sets its own and every control says `font: inherit`.
 * The host page may size the element (`spatial-mosaic { height: … }`) and theme it through the custom
 * properties below.
 */
export const ELEMENT_CSS = /* css */ `
:host {
  display: block;
  position: relative;
  height: 440px;
  min-height: 260px;
  contain: content;
  --sm-bg: #10151c;
  --sm-panel: #18202a;
  --sm-fg: #e8edf3;
  --sm-muted: #9aa7b4;
  --sm-accent: #4fa3ff;
  --sm-danger: #ff6b81;
  --sm-radius: 8px;
}
:host([hidden]) { display: none; }
* { box-sizing: border-box; }
.root {
  display: flex;
  flex-direction: column;
  height: 100%;
  overflow: hidden;
  border-radius: var(--sm-radius);
  background: var(--sm-bg);
  color: var(--sm-fg);
  font: 14px/1.4 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
  text-align: left;
  letter-spacing: normal;
}
.view {
  position: relative;
  flex: 1 1 auto;
  min-height: 120px;
  overflow: hidden;
}
.view canvas { display: block; width: 100%; height: 100%; outline: none; }
.mosaic-labels { position: absolute; inset: 0; pointer-events: none; }
.mosaic-label {
  font-size: 11px;
  padding: 0 5px;
  border-radius: 4px;
  white-space: nowrap;
  color: var(--sm-fg);
  background: rgba(16, 21, 28, 0.78);
  border: 1px solid rgba(255, 255, 255, 0.18);
}
.mosaic-label[data-state='selected'] { border-color: #ffd400; color: #ffd400; }
.mosaic-label[data-state='highlighted'] { border-color: #ff3b6b; color: #ffb3c4; }
.mosaic-label[data-state='dimmed'] { opacity: 0.45; }
.empty {
  position: absolute;
  inset: 50% auto auto 50%;
  transform: translate(-50%, -50%);
  margin: 0;
  color: var(--sm-muted);
  pointer-events: none;
}
.status {
  display: flex;
  gap: 8px;
  align-items: center;
  padding: 4px 10px;
  font-size: 12px;
  color: var(--sm-muted);
  background: var(--sm-panel);
}
.status .text { flex: 1 1 auto; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
progress { width: 96px; height: 6px; accent-color: var(--sm-accent); }
progress[hidden] { display: none; }
form { display: flex; gap: 6px; padding: 8px 10px 4px; background: var(--sm-panel); margin: 0; }
input {
  flex: 1 1 auto;
  min-width: 0;
  font: inherit;
  color: inherit;
  background: var(--sm-bg);
  border: 1px solid rgba(255, 255, 255, 0.2);
  border-radius: 6px;
  padding: 6px 8px;
  margin: 0;
}
button {
  font: inherit;
  font-weight: 600;
  color: #08111c;
  background: var(--sm-accent);
  border: 0;
  border-radius: 6px;
  padding: 6px 14px;
  margin: 0;
  cursor: pointer;
  text-transform: none;
}
button:disabled { opacity: 0.5; cursor: default; }
input:focus-visible, button:focus-visible, summary:focus-visible { outline: 2px solid var(--sm-accent); outline-offset: 1px; }
.answer {
  max-height: 38%;
  overflow: auto;
  padding: 4px 10px 8px;
  background: var(--sm-panel);
}
.answer[hidden] { display: none; }
.answer-text { margin: 4px 0; white-space: pre-wrap; }
.answer[data-state='unavailable'] .answer-text,
.answer[data-state='stopped'] .answer-text { color: var(--sm-muted); }
.question { margin: 2px 0 0; font-size: 12px; color: var(--sm-muted); }
details { font-size: 12px; color: var(--sm-muted); }
summary { cursor: pointer; }
ol { margin: 4px 0 0; padding-left: 20px; }
li { margin: 2px 0; white-space: pre-wrap; }
.step { font-weight: 600; color: var(--sm-fg); }
.error {
  margin: 0;
  padding: 4px 10px;
  font-size: 12px;
  color: var(--sm-danger);
  background: var(--sm-panel);
}
.error[hidden] { display: none; }
`;
