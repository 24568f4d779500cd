import { describe, expect, it } from 'vitest';
import type { AppImportResult } from '../appImport';
import type { MachineInfo } from '../machine';
import { appImportSection } from './appImportSection';
import type { RunLog } from './reportCommon';

const machine = (load: number, chromium?: string): MachineInfo => ({
  cpuModel: 'Test CPU',
  cores: 2,
  loadAverage: [load, load, load],
  memoryGiB: 8,
  os: 'Linux',
  node: 'v22.0.0',
  ...(chromium ? { chromium } : {}),
  date: '2026-12-07T09:00:00.000Z',
});

const result = (autoBackend: string): AppImportResult => ({
  machine: machine(3.5, '140.0.1'),
  sequence: 'icl-livingroom',
  frames: 211,
  every: 2,
  keyframes: 106,
  cli: { keyframes: 106, loopMsPerKeyframe: 250, wallMs: 42_400, cpuMsPerKeyframe: 612.4 },
  app: [
    { setting: 'auto', backend: autoBackend, totalMs: 31_800, msPerKeyframe: 300 },
    { setting: 'wasm', backend: 'wasm', totalMs: 53_000, msPerKeyframe: 500 },
  ],
  seconds: 240,
});

const run: RunLog = {
  quick: false,
  benches: {
    appImport: {
      quick: false,
      before: machine(12.1),
      after: machine(14.3, '140.0.1'),
      seconds: 240,
      cpuSeconds: 90,
    },
  },
};

describe('appImportSection', () => {
  it('is empty when the bench never ran, and says why when it failed', () => {
    expect(appImportSection(undefined, { quick: false, benches: {} })).toBe('');
    const failed = appImportSection(undefined, {
      quick: false,
      benches: { appImport: { ...run.benches.appImport, error: 'BrowserBenchError: no Chromium found' } },
    });
    expect(failed).toContain('## Import speed: the app vs the CLI, per keyframe');
    expect(failed).toContain('_No results: BrowserBenchError: no Chromium found._');
  });

  it('one row for the CLI and one per backend setting, each against the CLI, with the run and its machine', () => {
    const md = appImportSection(result('wasm (1 thread; GPU is software)'), run);
    expect(md).toContain('211 frames, every 2nd frame a keyframe');
    expect(md).toContain('--detector yolox --every 2');
    expect(md).toContain('the CLI runs odometry on all 211 frames, the app on its 106 keyframes');
    expect(md).toContain('| CLI, the whole command | onnxruntime-node, CPU | 106 | 400 | 1.00× | 42.4 |');
    expect(md).toContain('| app, Automatic | wasm (1 thread; GPU is software) | 106 | 300 | 0.75× | 31.8 |');
    expect(md).toContain('| app, wasm | wasm | 106 | 500 | 1.25× | 53.0 |');
    expect(md).toContain('Automatic chose wasm here, as the wasm row does');
    expect(md).toContain("The CLI's own figure (its keyframe loop");
    expect(md).toContain('is 250 ms / keyframe; its process CPU time (all threads) 612 ms / keyframe.');
    expect(md).toContain(
      '_Measured on appImport: Test CPU, 2 cores, load 14.3 (1 min), Node v22.0.0, Chromium 140.0.1; load 12.1 → 14.3 during the run',
    );
  });

  it('does not call the app rows the same pipeline when Automatic chose another backend', () => {
    const md = appImportSection(result('webgpu'), run);
    expect(md).toContain('| app, Automatic | webgpu | 106 | 300 | 0.75× | 31.8 |');
    expect(md).not.toContain('same pipeline');
  });

  it('captions with the result’s own machine when the run log has no entry for it', () => {
    const md = appImportSection(result('wasm'), { quick: true, benches: {} });
    expect(md).toContain(
      '_Measured on Test CPU, 2 cores, load 3.5 (1 min), Node v22.0.0, Chromium 140.0.1; 240.0 s in all',
    );
  });
});
