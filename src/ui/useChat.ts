import { proxy } from 'comlink';
import { useCallback, useRef, useState } from 'react';
import type { Mosaic } from '../core/mosaic/types';
import { newRequestId } from '../runtime/clients';
import type { ReasonerEvent } from '../runtime/ReasonerApi';
import { reasonerApi, sceneFramePort } from './workerClients';
import type { ChatTurn } from './uiTypes';
import { emitModelProgress } from './useModelProgress';
import { userMessage } from '../runtime/userMessage';

export interface ChatApi {
  readonly turns: readonly ChatTurn[];
  readonly busy: boolean;
  ask(question: string): void;
  stop(): void;
  clear(): void;
}

/**
 * The chat's state over the reasoner worker: a turn per question, filled by the worker's streamed events
 * (steps → trace, tokens → answer text, done → the final answer and the objects it is about).
 * Latest question wins: asking again supersedes the running answer, which ends as "stopped".
 */
export function useChat(
  /** The scene on show: a stored one is read by the reasoner from storage by id; one without an id goes whole. */
  scene: { readonly id: string; readonly mosaic: Mosaic } | undefined,
  onAnswer: (objectIds: readonly string[]) => void,
  /** From settings: iterations of the perceive loop and the prompt's token budget. */
  budget: { readonly maxIterations: number; readonly promptTokens: number },
  /** From settings: the unit system of answers whose question names no unit. */
  units: 'metric' | 'imperial' = 'metric',
  /** The reasoning loop perceived more frames into the stored scene: show it again. */
  onSceneChanged?: (sceneId: string) => void,
): ChatApi {
  const [turns, setTurns] = useState<readonly ChatTurn[]>([]);
  const running = useRef<string | undefined>(undefined);
  const update = (id: string, f: (t: ChatTurn) => ChatTurn) =>
    setTurns((ts) => ts.map((t) => (t.id === id ? f(t) : t)));

  const ask = useCallback(
    (question: string) => {
      if (!scene) return;
      const about = scene.id ? { sceneId: scene.id } : { mosaic: scene.mosaic };
      const id = newRequestId('ask');
      running.current = id;
      setTurns((ts) => [
        ...ts.map((t) =>
          t.status === 'thinking' || t.status === 'streaming' ? { ...t, status: 'stopped' as const } : t,
        ),
        { id, question, answer: '', status: 'thinking', trace: [], objectIds: [] },
      ]);
      const onEvent = (e: ReasonerEvent) => {
        if (e.status === 'step') update(id, (t) => ({ ...t, trace: [...t.trace, e.step] }));
        else if (e.status === 'token')
          update(id, (t) => ({ ...t, status: 'streaming', answer: t.answer + e.text }));
        // The VLM's download (Transformers.js, in the reasoner worker) goes to the same progress bars.
        else if (e.status === 'model') emitModelProgress(e.progress);
      };
      reasonerApi()
        .then((api) =>
          api.ask(
            { ...about, question, requestId: id, budget, units },
            proxy(onEvent),
            // A stored scene may have more frames of its sequence held by perception, for the loop to perceive.
            scene.id ? proxy(sceneFramePort) : undefined,
          ),
        )
        .then(
          (a) => {
            if (a.sceneChanged && scene.id) onSceneChanged?.(scene.id);
            update(id, (t) => ({
              ...t,
              answer: a.answer,
              trace: a.trace,
              objectIds: a.objects,
              status: a.answered ? 'done' : 'unavailable',
            }));
            if (running.current === id) onAnswer(a.objects);
          },
          (err: Error) =>
            update(id, (t) =>
              err.name === 'AbortError'
                ? { ...t, status: 'stopped' }
                : { ...t, status: 'error', error: userMessage(err) },
            ),
        )
        .finally(() => {
          if (running.current === id) running.current = undefined;
        });
    },
    [scene, onAnswer, budget, units, onSceneChanged],
  );

  const stop = useCallback(() => {
    const id = running.current;
    if (!id) return;
    void reasonerApi().then((api) => api.interrupt(id));
  }, []);

  const busy = turns.some((t) => t.status === 'thinking' || t.status === 'streaming');
  return { turns, busy, ask, stop, clear: useCallback(() => setTurns([]), []) };
}
