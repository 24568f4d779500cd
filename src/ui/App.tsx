import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ChatPanel } from './ChatPanel';
import { Drawer } from './Drawer';
import { Header } from './Header';
import { MosaicViewPanel } from './MosaicViewPanel';
import { ProgressBars } from './ProgressBars';
import { SceneLibrary } from './SceneLibrary';
import { loadLastScene, loadSettings, saveLastScene, saveSettings } from './settings';
import { SettingsPanel } from './SettingsPanel';
import { suggestQuestions } from './suggestQuestions';
import type { ModelStatus, Settings } from './uiTypes';
import { useCapabilities } from './useCapabilities';
import { useChat } from './useChat';
import { useSceneController } from './useSceneController';
import { useSceneLibrary } from './useSceneLibrary';
import { useModelProgress } from './useModelProgress';
import { LiveSourcePanel } from './sources/LiveSourcePanel';
import { describeLiveSource, liveModels, useLiveSource } from './sources/useLiveSource';
import { appModelsBase, applySettings } from './workerClients';
import { userMessage } from '../runtime/userMessage';
import { useModelInventory } from './useModelInventory';
import { WorkerNotice } from './WorkerNotice';
import { CloseButton } from './CloseButton';

const storage = typeof localStorage === 'undefined' ? undefined : localStorage;
// Models run in the workers, not in the page: a live source shows what the perception worker ran on its last
// keyframe, a built folder what ran on its first; the demo and saved scenes ran none here.
const NO_MODELS: readonly ModelStatus[] = [];

/** The app shell: header, 3D view, chat, progress, and the library and settings drawers. */
export function App() {
  const [settings, setSettings] = useState<Settings>(() => loadSettings(storage, location.search));
  // Saved on a user's change only: a ?backend= override in the URL is for this page load, not for good.
  const changeSettings = useCallback(
    (s: Settings) => {
      setSettings(s);
      saveSettings(storage, s);
      if (s.backend !== settings.backend || s.allowDownloads !== settings.allowDownloads)
        applySettings(s).catch((e: unknown) => setNotice(`Could not apply the settings: ${userMessage(e)}`));
    },
    [settings.backend, settings.allowDownloads],
  );
  const { status: backend } = useCapabilities(settings.backend);

  const [drawer, setDrawer] = useState<'library' | 'settings'>();
  const [notice, setNotice] = useState<string>();
  const [selectedId, setSelectedId] = useState<string>();
  const [highlightIds, setHighlightIds] = useState<readonly string[]>([]);
  const closeDrawer = useCallback(() => setDrawer(undefined), []);

  const library = useSceneLibrary();
  const scenes = useSceneController(library, setNotice);
  const { scene } = scenes;
  // A reload reopens the scene that was open (once, when the library has opened and nothing else started).
  const restored = useRef(false);
  useEffect(() => {
    if (restored.current || !library.ready) return;
    restored.current = true;
    const last = loadLastScene(storage);
    if (last && !scene && !scenes.processing && library.scenes.some((s) => s.id === last))
      void scenes.openStored(last);
  }, [library.ready, library.scenes, scene, scenes]);
  useEffect(() => {
    if (restored.current && scene?.id) saveLastScene(storage, scene.id);
  }, [scene?.id]);
  const modelBars = useModelProgress();
  const models = useModelInventory(appModelsBase(), modelBars, drawer === 'settings');
  const live = useLiveSource(library, scenes.show, setNotice);
  const liveRunning = !!live.state;
  const budget = useMemo(
    () => ({ maxIterations: settings.iterationBudget, promptTokens: settings.tokenBudget }),
    [settings.iterationBudget, settings.tokenBudget],
  );
  // The reasoning loop fused more frames into the scene on show: read it again so the view shows what it found
  // (unless another scene is on show by then).
  const shown = useRef(scene);
  shown.current = scene;
  const { show } = scenes;
  const reloadScene = useCallback(
    (id: string) => {
      void library.load(id).then(
        ({ mosaic }) => {
          const now = shown.current;
          if (now?.id === id) show({ ...now, mosaic });
          // The library lists its keyframe and object counts.
          void library.refresh().catch(() => undefined);
        },
        () => undefined, // deleted meanwhile: the next question says so
      );
    },
    [library, show],
  );
  const chat = useChat(scene, setHighlightIds, budget, settings.units, reloadScene);
  const start = (f: () => Promise<void>) => {
    setDrawer(undefined);
    setSelectedId(undefined);
    setHighlightIds([]);
    chat.clear();
    // A new scene ends a live source (its scene stays stored if anything was fused).
    void live.stop().then(f);
  };
  const startLive = (f: () => Promise<void>) => {
    setDrawer(undefined);
    setSelectedId(undefined);
    setHighlightIds([]);
    chat.clear();
    scenes.stop();
    scenes.show(undefined);
    void f();
  };
  // Where AR is not offered, say so and offer the camera instead.
  const arNote = live.ar && !live.ar.supported ? live.ar.reason : undefined;

  return (
    <div className="app">
      <Header
        backend={backend}
        models={live.state ? liveModels(live.state.stats.sources) : (scene?.models ?? NO_MODELS)}
        perceptionSource={
          live.state
            ? describeLiveSource(live.state.stats.sources)
            : (scene?.perceptionSource ?? 'none (no scene open)')
        }
        sceneName={scene?.name}
        onOpenLibrary={() => setDrawer('library')}
        onOpenSettings={() => setDrawer('settings')}
      />
      <WorkerNotice />
      {notice && (
        <div className="notice" role="alert">
          <span>{notice}</span>
          <CloseButton label="Dismiss message" onClick={() => setNotice(undefined)} />
        </div>
      )}
      <main className="app-main">
        <MosaicViewPanel
          mosaic={scene?.mosaic}
          sceneId={scene?.id}
          selectedId={selectedId}
          highlightIds={highlightIds}
          units={settings.units}
          emptyText={
            liveRunning
              ? ''
              : scenes.processing
                ? 'Building the scene: objects appear here as keyframes are fused.'
                : scene
                  ? 'No objects in this scene yet.'
                  : 'No scene open. Open the library (☰) to start one, or:'
          }
          emptyActions={
            scene || scenes.processing || liveRunning
              ? undefined
              : [
                  { label: 'Try the demo scene', onClick: () => start(scenes.openDemo) },
                  live.ar?.supported
                    ? { label: 'Start AR', onClick: () => startLive(live.startAr) }
                    : { label: 'Use the camera', onClick: () => startLive(live.startCamera) },
                ]
          }
          onSelect={setSelectedId}
        >
          <LiveSourcePanel live={live} />
        </MosaicViewPanel>
        <div className="side">
          <ProgressBars items={modelBars.length ? [...modelBars, ...scenes.progress] : scenes.progress} />
          {scenes.processing && (
            <button type="button" className="stop-build" onClick={scenes.stop}>
              Stop processing
            </button>
          )}
          <ChatPanel
            turns={chat.turns}
            canAsk={!!scene && !scenes.processing && !liveRunning}
            unavailableReason={
              scenes.processing
                ? 'Questions open once the scene is built.'
                : liveRunning
                  ? 'Questions open once the live source is stopped.'
                  : 'Open a scene to ask about it.'
            }
            busy={chat.busy}
            suggestions={suggestQuestions(scene?.mosaic, settings.units)}
            onAsk={chat.ask}
            onStop={chat.stop}
            onFocusObjects={setHighlightIds}
            sceneNote={
              scene?.partial ? `Partial scene: ${scene.partial}. Answers cover what was fused.` : undefined
            }
          />
        </div>
      </main>
      <Drawer open={drawer === 'library'} side="left" title="Scenes" onClose={closeDrawer}>
        <SceneLibrary
          scenes={library.scenes}
          currentId={scene?.id}
          storageNote={library.error ?? (library.ready ? undefined : 'Opening saved scenes…')}
          onOpenDemo={() => start(scenes.openDemo)}
          onOpenFolder={(folder) => start(() => scenes.openFolder(folder))}
          onOpen={(id) => start(() => scenes.openStored(id))}
          onImport={(file) => start(() => scenes.importFile(file))}
          onStartCamera={() => startLive(live.startCamera)}
          {...(live.ar?.supported ? { onStartAr: () => startLive(live.startAr) } : {})}
          arNote={arNote}
          onOpenVideo={(file) => startLive(() => live.startVideo(file))}
          onRename={(id, name) => void library.rename(id, name).catch((e: Error) => setNotice(e.message))}
          onDelete={(id) => void library.remove(id).catch((e: Error) => setNotice(e.message))}
          onExport={(id) => void library.exportFile(id).catch((e: Error) => setNotice(e.message))}
          onError={setNotice}
        />
      </Drawer>
      <Drawer open={drawer === 'settings'} side="right" title="Settings" onClose={closeDrawer}>
        <SettingsPanel
          settings={settings}
          backend={backend}
          onChange={changeSettings}
          models={models.rows}
          modelsNote={models.error}
          onDeleteModel={(id) => void models.remove(id).catch((e: unknown) => setNotice(userMessage(e)))}
        />
      </Drawer>
    </div>
  );
}
