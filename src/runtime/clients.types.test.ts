import { describe, expectTypeOf, it } from 'vitest';
import { proxy, type Remote } from 'comlink';
import type { PerceptionApi, PerceptionFrame, ProcessFrameResult } from './PerceptionApi';
import type { AskRequest, ReasonerAnswer, ReasonerApi } from './ReasonerApi';
import type { ProgressCallback } from './progress';
import type { Mosaic } from '../core/mosaic/types';
import type { WorkerClient, createPerceptionClient, createReasonerClient } from './clients';
import type { PerceptionService } from './PerceptionService';
import type { ReasonerService } from './ReasonerService';

// Compile-time checks of the boundary types (tsc fails on a regression; the `it`s only keep vitest happy).
describe('comlink boundary types', () => {
  it('client factories hand out Remote<Api>', () => {
    expectTypeOf<ReturnType<typeof createPerceptionClient>>().toEqualTypeOf<WorkerClient<PerceptionApi>>();
    expectTypeOf<ReturnType<typeof createReasonerClient>['api']>().toEqualTypeOf<Remote<ReasonerApi>>();
  });

  it('services implement exactly their Api', () => {
    expectTypeOf<PerceptionService>().toMatchTypeOf<PerceptionApi>();
    expectTypeOf<ReasonerService>().toMatchTypeOf<ReasonerApi>();
  });

  it('remote methods are promises of the same results, callbacks are taken proxied', () => {
    type P = Remote<PerceptionApi>;
    expectTypeOf<Awaited<ReturnType<P['processFrame']>>>().toEqualTypeOf<ProcessFrameResult>();
    expectTypeOf<Awaited<ReturnType<P['mosaic']>>>().toEqualTypeOf<Mosaic>();
    expectTypeOf<Awaited<ReturnType<Remote<ReasonerApi>['ask']>>>().toEqualTypeOf<ReasonerAnswer>();
    const p = {} as P;
    const frame = {} as PerceptionFrame;
    const onProgress: ProgressCallback = () => undefined;
    // Callbacks cross as comlink proxies.
    expectTypeOf(p.processFrame).toBeCallableWith(frame, proxy(onProgress));
    expectTypeOf(p.interrupt).toBeCallableWith('req-1');
    expectTypeOf(p.interrupt).toBeCallableWith();
  });

  it('rejects what cannot cross postMessage', () => {
    const r = {} as Remote<ReasonerApi>;
    const req = {} as AskRequest;
    const signal = new AbortController().signal;
    // @ts-expect-error an AbortSignal cannot be posted: pass a requestId and call interrupt(requestId)
    void (() => r.ask({ ...req, signal }));
    // @ts-expect-error the question is required
    void (() => r.ask({ mosaic: req.mosaic }));
    const p = {} as Remote<PerceptionApi>;
    // @ts-expect-error a frame is required
    void (() => p.processFrame());
  });
});
