import { proxy } from 'comlink';
import type { Intrinsics, Mat4, Vec3 } from '../core/geometry/types';
import type { Mosaic } from '../core/mosaic/types';
import type { DepthImage, Detection } from '../core/perception/types';
import { formatStep, stepMs } from '../core/reasoning/trace';
import { transferFrame } from '../runtime/workerClient';
import { userMessage } from '../runtime/userMessage';
import { isAbortError } from '../runtime/errors';
import type { ProcessFrameResult } from '../runtime/PerceptionApi';
import type { ReasonerEvent, ReasonerStep } from '../runtime/ReasonerApi';
import type { WorkerRestart } from '../runtime/supervisor/WorkerSupervisor';
import { openSceneLibrary } from '../storage/openSceneLibrary';
import { MosaicView } from '../view3d/MosaicView';
import { ELEMENT_CSS } from './elementStyles';
import { defaultIntrinsics } from '../core/geometry/camera';
import { copyDepth, toRgbImage, type FrameImage } from './frameInput';
import { DEMO_SOURCE, MosaicSession } from './MosaicSession';
import {
  OBSERVED_ATTRIBUTES,
  readConfig,
  type ErrorDetail,
  type MosaicChangeDetail,
  type SpatialMosaicAnswer,
  type SpatialMosaicConfig,
} from './types';
import { defaultWorkerPool, type WorkerPool } from './workerPool';

export interface AddFrameOptions {
  /** Camera intrinsics for this image size; default: a 60° horizontal field of view. */
  readonly intrinsics?: Intrinsics;
  /** 2D detections in this frame's pixels; without them the frame extends the trajectory but adds no objects. */
  readonly detections?: readonly Detection[];
  /** Capture time in seconds; default: seconds since the first added frame. */
  readonly time?: number;
  /** World up (unit vector), read on the first frame of a live mosaic; default [0, -1, 0] (the camera's -y). */
  readonly up?: Vec3;
}

const TEMPLATE = `
<div class="root" part="root">
  <div class="view" part="view"><p class="empty"></p></div>
  <div class="status" part="status"><span class="text" role="status" aria-live="polite"></span><progress max="100" hidden></progress></div>
  <form part="form"><input type="text" name="question" autocomplete="off" aria-label="Question about the scene" placeholder="Ask about the scene, e.g. How many chairs are there?"><button type="submit">Ask</button></form>
  <div class="answer" part="answer" aria-live="polite" hidden>
    <p class="question"></p><p class="answer-text"></p>
    <details><summary></summary><ol></ol></details>
  </div>
  <p class="error" part="error" role="alert" hidden></p>
</div>`;

/**
 * `<spatial-mosaic>`: a 3D view of a mosaic, a question box and the answer with its trace, for any page.
 * Each element has its own state; the elements of a page share one supervised perception and one reasoner
 * worker (the default pool; set `workers` to a pool of your own before the element is connected to opt out
 * or to run workers your page owns). Attributes: `source` ("demo" or a stored scene id), `backend`
 * (auto|webgpu|wasm), `models-base`, `allow-network`. Events (bubbling, composed): `progress`,
 * `mosaic-change`, `answer`, `error`, `worker-restart`.
 * Everything that comes from files or models is rendered with textContent, never as HTML.
 */
export class SpatialMosaicElement extends HTMLElement {
  static readonly observedAttributes = [...OBSERVED_ATTRIBUTES];

  private readonly ui: {
    view: HTMLElement;
    empty: HTMLElement;
    status: HTMLElement;
    bar: HTMLProgressElement;
    form: HTMLFormElement;
    input: HTMLInputElement;
    button: HTMLButtonElement;
    answer: HTMLElement;
    question: HTMLElement;
    answerText: HTMLElement;
    summary: HTMLElement;
    steps: HTMLOListElement;
    error: HTMLElement;
  };
  /**
   * The workers this element uses: the page's shared pool unless set (before the element is connected) to a
   * pool of its own, e.g. `createWorkerPool({perception: () => new Worker(…), reasoner: () => new Worker(…)})`.
   */
  workers?: WorkerPool;
  private view?: MosaicView;
  private session?: MosaicSession;
  /** Leaves the pool (and stops listening to its restarts) when the element is removed. */
  private detach?: () => void;
  private teardown = 0;
  private appliedSource?: string;
  private firstFrameAt?: number;
  private frameNo = 0;
  private summaryText = '';
  private asking = 0;
  /** The deferred start after connection has run: attribute changes apply from then on. */
  private started = false;

  constructor() {
    super();
    const shadow = this.attachShadow({ mode: 'open' });
    adoptStyles(shadow);
    const tpl = document.createElement('template');
    tpl.innerHTML = TEMPLATE; // a constant: no data ever goes through innerHTML
    shadow.append(tpl.content.cloneNode(true));
    const q = <T extends Element>(sel: string) => shadow.querySelector(sel) as T;
    this.ui = {
      view: q('.view'),
      empty: q('.empty'),
      status: q('.status .text'),
      bar: q('progress'),
      form: q('form'),
      input: q('input'),
      button: q('button'),
      answer: q('.answer'),
      question: q('.question'),
      answerText: q('.answer-text'),
      summary: q('summary'),
      steps: q('ol'),
      error: q('.error'),
    };
    this.ui.form.addEventListener('submit', (e) => {
      e.preventDefault();
      const question = this.ui.input.value.trim();
      if (question) this.ask(question).catch(() => undefined); // reported through the UI and the error event
    });
    this.setStatus('No scene yet.');
    this.ui.empty.textContent = 'No scene open.';
  }

  /** The settings read from the attributes. */
  get config(): SpatialMosaicConfig {
    return readConfig((n) => this.getAttribute(n)).config;
  }

  /** The mosaic on show (read-only use; call `export()` for a file). */
  get mosaic(): Mosaic | undefined {
    return this.session?.mosaic;
  }

  connectedCallback(): void {
    clearTimeout(this.teardown);
    this.view ??= new MosaicView(this.ui.view);
    this.view.setMosaic(this.session?.mosaic);
    // Start in a later task, not a microtask: a page whose module graph defines the element and then adds
    // listeners (possibly in another module of the same graph) still sees every event, from `initiate` on.
    window.setTimeout(() => {
      if (!this.isConnected) return;
      this.started = true;
      this.joinPool();
      const { problems } = readConfig((n) => this.getAttribute(n));
      for (const p of problems)
        this.fail({ name: 'InvalidAttributeError', message: `<spatial-mosaic> ${p}` });
      this.applySource();
    }, 0);
  }

  disconnectedCallback(): void {
    // A move within the page disconnects and reconnects at once: only a real removal frees the workers.
    this.teardown = window.setTimeout(() => this.dispose(), 0);
  }

  attributeChangedCallback(name: string, oldValue: string | null, value: string | null): void {
    // Upgrades report every attribute before connectedCallback; the deferred start reads them then.
    if (!this.started || oldValue === value) return;
    if (name === 'source') this.applySource();
    if (name === 'backend' || name === 'models-base' || name === 'allow-network') {
      void this.pool()
        .configure(this.workerSettings())
        .catch(() => undefined)
        .then(() => this.describeBackend());
    }
  }

  /** Answers a question over the mosaic on show; the `answer` event carries the same object. */
  async ask(question: string): Promise<SpatialMosaicAnswer> {
    const id = ++this.asking;
    this.ui.input.value = question;
    this.ui.answer.hidden = false;
    this.ui.answer.dataset.state = 'thinking';
    this.ui.question.textContent = question;
    this.ui.answerText.textContent = 'Thinking…';
    this.renderTrace([]);
    this.clearError();
    let streamed = '';
    try {
      const answer = await this.ensureSession().ask(question, (e: ReasonerEvent) => {
        if (id !== this.asking) return;
        if (e.status === 'token') this.ui.answerText.textContent = streamed += e.text;
        if (e.status === 'step') this.appendStep(e.step);
      });
      if (id === this.asking) {
        this.ui.answer.dataset.state = answer.answered ? 'done' : 'unavailable';
        this.ui.answerText.textContent = answer.answer;
        this.renderTrace(answer.trace);
        this.view?.setHighlights(answer.objects);
      }
      this.emit('answer', answer);
      return answer;
    } catch (e) {
      if (id === this.asking) {
        this.ui.answer.dataset.state = isAbortError(e) ? 'stopped' : 'error';
        this.ui.answerText.textContent = isAbortError(e)
          ? 'Stopped: a newer question replaced this one.'
          : '';
      }
      throw this.report(e);
    }
  }

  /**
   * Perceives and fuses one frame into this element's live mosaic. `pose` is camera-to-world, row-major 4×4,
   * metres, OpenCV camera axes; `depth` is metres per pixel at the image's size. A frame that arrives while
   * the worker is busy is dropped (`{dropped: true}`), never queued.
   */
  async addFrame(
    image: FrameImage,
    depth?: DepthImage,
    pose?: Mat4,
    options: AddFrameOptions = {},
  ): Promise<ProcessFrameResult> {
    try {
      const rgb = toRgbImage(image);
      const now = performance.now() / 1000;
      this.firstFrameAt ??= now;
      return await this.ensureSession().addFrame(
        {
          frame: this.frameNo++,
          time: options.time ?? now - this.firstFrameAt,
          rgb,
          ...(depth ? { depth: copyDepth(depth, rgb) } : {}),
          ...(pose ? { pose: [...pose] } : {}),
          intrinsics: options.intrinsics ?? defaultIntrinsics(rgb.width, rgb.height),
          ...(options.detections ? { detections: options.detections } : {}),
        },
        options.up,
      );
    } catch (e) {
      throw this.report(e);
    }
  }

  /** Shows a scene stored in this origin's library (IndexedDB). */
  async load(sceneId: string): Promise<MosaicChangeDetail> {
    this.appliedSource = sceneId;
    return this.track(`Loading scene ${sceneId}…`, () => this.ensureSession().load(sceneId));
  }

  /** The mosaic on show as an ARCHITECTURE "Mosaic file" (JSON). */
  async export(): Promise<Blob> {
    try {
      return new Blob([this.ensureSession().exportText()], { type: 'application/json' });
    } catch (e) {
      throw this.report(e);
    }
  }

  private applySource(): void {
    const source = this.config.source;
    if (!source || source === this.appliedSource) return;
    this.appliedSource = source;
    const run =
      source === DEMO_SOURCE
        ? this.track('Building the demo scene…', () => this.ensureSession().loadDemo())
        : this.load(source);
    run.catch(() => undefined); // reported through the error event
    void this.describeBackend();
  }

  private async track(label: string, fn: () => Promise<MosaicChangeDetail>): Promise<MosaicChangeDetail> {
    this.clearError();
    this.setStatus(label);
    try {
      return await fn();
    } catch (e) {
      this.ui.bar.hidden = true;
      this.setStatus(this.summaryText || 'No scene yet.');
      throw this.report(e);
    }
  }

  private ensureSession(): MosaicSession {
    this.session ??= new MosaicSession(
      {
        perception: (use) => this.pool().lease(use, this.workerSettings()),
        reasoner: async () => {
          const pool = this.pool();
          return {
            // Questions from every element take turns on the shared reasoner, each with its own settings.
            ask: (request, onEvent) =>
              pool.ask(this, this.workerSettings(), (api) => api.ask(request, onEvent)),
            interrupt: (requestId) => pool.reasoner.api.interrupt(requestId),
          };
        },
        library: () => openSceneLibrary(),
        prepare: transferFrame,
        callback: (fn) => proxy(fn),
      },
      {
        progress: (e) => {
          this.ui.bar.hidden = e.status === 'done';
          this.ui.bar.value = e.status === 'initiate' ? 0 : e.progress;
          this.emit('progress', e);
        },
        mosaicChange: (detail, mosaic) => {
          const refit = this.view && detail.source !== this.lastShownSource;
          this.lastShownSource = detail.source;
          this.view?.setMosaic(mosaic, !!refit);
          this.ui.empty.textContent = mosaic.objects.length ? '' : 'No objects yet.';
          this.summaryText = describe(detail);
          this.setStatus(this.summaryText);
          this.emit('mosaic-change', detail);
        },
      },
    );
    return this.session;
  }

  private lastShownSource?: string;

  private pool(): WorkerPool {
    this.workers ??= defaultWorkerPool();
    return this.workers;
  }

  /** Joins the pool once per connection: counted as a user, and told about its workers' restarts. */
  private joinPool(): void {
    if (this.detach) return;
    const pool = this.pool();
    const leave = pool.attach();
    const unsubscribe = pool.onRestart((r) => this.restarted(r));
    this.detach = () => {
      unsubscribe();
      leave();
    };
  }

  /** A shared worker crashed and was replaced: the element says so (status line and `worker-restart`). */
  private restarted(restart: WorkerRestart): void {
    this.setStatus(restart.message);
    this.emit('worker-restart', restart);
  }

  /** Backend, models URL and network permission from the attributes, as the workers' `configure` takes them. */
  private workerSettings(): {
    backend: SpatialMosaicConfig['backend'];
    modelsBaseUrl: string;
    allowNetwork: boolean;
  } {
    const { backend, modelsBase, allowNetwork } = this.config;
    return { backend, modelsBaseUrl: `${modelsBase}/`, allowNetwork };
  }

  /** Shows which backend the perception worker would use, as `data-backend` on the status line. */
  private async describeBackend(): Promise<void> {
    try {
      const caps = await this.pool().perception.api.capabilities(this.config.backend);
      this.ui.status.dataset.backend = caps.choices.detector.device;
      this.ui.status.title = caps.choices.detector.reason;
    } catch {
      /* the status line simply has no backend then */
    }
  }

  private dispose(): void {
    this.session?.dispose();
    this.session = undefined;
    this.started = false;
    this.appliedSource = undefined;
    this.lastShownSource = undefined;
    this.detach?.();
    this.detach = undefined;
    this.view?.dispose();
    this.view = undefined;
  }

  private renderTrace(trace: readonly ReasonerStep[]): void {
    this.ui.steps.replaceChildren();
    for (const s of trace) this.appendStep(s);
  }

  private appendStep(s: ReasonerStep): void {
    const li = document.createElement('li');
    const name = document.createElement('span');
    name.className = 'step';
    name.textContent = s.step;
    // The text repeats the step as "[step] …"; show it once.
    const prefix = `[${s.step}]`;
    const text = formatStep(s);
    const detail = text.startsWith(prefix) ? text.slice(prefix.length).trimStart() : text;
    const took = stepMs(s);
    const ms = took !== undefined ? ` (${Math.round(took)} ms)` : '';
    li.append(name, document.createTextNode(`${ms} ${detail}`));
    this.ui.steps.append(li);
    const n = this.ui.steps.childElementCount;
    this.ui.summary.textContent = `Reasoning trace (${n} step${n === 1 ? '' : 's'})`;
  }

  private setStatus(text: string): void {
    this.ui.status.textContent = text;
  }

  private clearError(): void {
    this.ui.error.hidden = true;
    this.ui.error.textContent = '';
  }

  /** Shows and dispatches an error (not an abort: a superseded call is normal), and returns it for rethrowing. */
  private report(e: unknown): unknown {
    if (!isAbortError(e)) {
      const err = e as { name?: unknown; message?: unknown };
      this.fail({ name: String(err?.name ?? 'Error'), message: String(err?.message ?? e) });
    }
    return e;
  }

  private fail(detail: ErrorDetail): void {
    this.ui.error.hidden = false;
    // A sentence for a person (no class name); the event's detail keeps the name for the host page's code.
    this.ui.error.textContent = userMessage(detail);
    this.emit('error', detail);
  }

  private emit<T>(type: string, detail: T): void {
    this.dispatchEvent(new CustomEvent<T>(type, { detail, bubbles: true, composed: true }));
  }
}

let sharedSheet: CSSStyleSheet | undefined;

/**
 * A constructed stylesheet, shared by every instance: not subject to a host page's `style-src` CSP (an inline
 * <style> would be blocked under `style-src 'self'`) and parsed once. Older engines get a <style> element.
 */
function adoptStyles(shadow: ShadowRoot): void {
  if ('adoptedStyleSheets' in ShadowRoot.prototype && 'replaceSync' in CSSStyleSheet.prototype) {
    if (!sharedSheet) {
      sharedSheet = new CSSStyleSheet();
      sharedSheet.replaceSync(ELEMENT_CSS);
    }
    shadow.adoptedStyleSheets = [sharedSheet];
    return;
  }
  const style = document.createElement('style');
  style.textContent = ELEMENT_CSS;
  shadow.append(style);
}

function describe(d: MosaicChangeDetail): string {
  const where =
    d.source === DEMO_SOURCE ? 'Demo scene' : d.source === 'frames' ? 'Live frames' : `Scene ${d.source}`;
  const n = d.objectCount;
  return `${where}: ${n} object${n === 1 ? '' : 's'}, ${d.keyframeCount} keyframe${d.keyframeCount === 1 ? '' : 's'}`;
}
