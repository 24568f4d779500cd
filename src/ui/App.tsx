import { useCallback, useMemo, useState } from 'react';
import type { Mosaic } from '../core/mosaic/types';
import { ChatPanel } from './ChatPanel';
import { Drawer } from './Drawer';
import { Header } from './Header';
import { MosaicViewPanel } from './MosaicViewPanel';
import { ProgressBars } from './ProgressBars';
import { SceneLibrary } from './SceneLibrary';
import { loadSettings, saveSettings } from './settings';
import { SettingsPanel } from './SettingsPanel';
import type { ChatTurn, ModelStatus, ProgressItem, Settings } from './uiTypes';
import { useCapabilities } from './useCapabilities';

/** The scene in the view: its mosaic, and what produced the objects in it (for the honest status line). */
export interface OpenScene {
  readonly id: string;
  readonly name: string;
  readonly mosaic: Mosaic;
  readonly perceptionSource: string;
}

const storage = typeof localStorage === 'undefined' ? undefined : localStorage;

/** The app shell: header, 3D view, chat, progress, and the library and settings drawers. */
export function App() {
  const [settings, setSettings] = useState<Settings>(() => loadSettings(storage, location.search));
  // Saved on a user's change only: a ?backend= override in the URL is for this page load, not for good.
  const changeSettings = useCallback((s: Settings) => {
    setSettings(s);
    saveSettings(storage, s);
  }, []);
  const { status: backend } = useCapabilities(settings.backend);

  const [scene] = useState<OpenScene>();
  const [selectedId, setSelectedId] = useState<string>();
  const [highlightIds, setHighlightIds] = useState<readonly string[]>([]);
  const [turns] = useState<readonly ChatTurn[]>([]);
  const [progress] = useState<readonly ProgressItem[]>([]);
  const [models] = useState<readonly ModelStatus[]>([]);
  const [drawer, setDrawer] = useState<'library' | 'settings'>();
  const [notice, setNotice] = useState<string>();
  const closeDrawer = useCallback(() => setDrawer(undefined), []);

  const busy = turns.some((t) => t.status === 'thinking' || t.status === 'streaming');
  const emptyText = useMemo(
    () => (scene ? 'No objects in this scene yet.' : 'No scene open. Open the library (☰) to start one.'),
    [scene],
  );

  return (
    <div className="app">
      <Header
        backend={backend}
        models={models}
        perceptionSource={scene?.perceptionSource ?? 'none (no scene open)'}
        sceneName={scene?.name}
        onOpenLibrary={() => setDrawer('library')}
        onOpenSettings={() => setDrawer('settings')}
      />
      {notice && (
        <div className="notice" role="alert">
          <span>{notice}</span>
          <button
            type="button"
            className="icon-button"
            aria-label="Dismiss message"
            onClick={() => setNotice(undefined)}
          >
            <span aria-hidden="true">✕</span>
          </button>
        </div>
      )}
      <main className="app-main">
        <MosaicViewPanel
          mosaic={scene?.mosaic}
          sceneId={scene?.id}
          selectedId={selectedId}
          highlightIds={highlightIds}
          units={settings.units}
          emptyText={emptyText}
          onSelect={setSelectedId}
        />
        <div className="side">
          <ProgressBars items={progress} />
          <ChatPanel
            turns={turns}
            canAsk={false}
            unavailableReason="The reasoner is not connected to the app yet, so questions cannot be answered here. No answer is ever made up."
            busy={busy}
            suggestions={[]}
            onAsk={() => undefined}
            onStop={() => undefined}
            onFocusObjects={setHighlightIds}
          />
        </div>
      </main>
      <Drawer open={drawer === 'library'} side="left" title="Scenes" onClose={closeDrawer}>
        <SceneLibrary
          scenes={[]}
          currentId={scene?.id}
          storageNote="Saved scenes are not available yet: scene storage has not landed in this build."
          demoNote="The built-in demo scene is not available in this build yet."
          sequenceNote="Opening sequence folders is not available in this build yet."
          onError={setNotice}
        />
      </Drawer>
      <Drawer open={drawer === 'settings'} side="right" title="Settings" onClose={closeDrawer}>
        <SettingsPanel settings={settings} backend={backend} onChange={changeSettings} />
      </Drawer>
    </div>
  );
}
