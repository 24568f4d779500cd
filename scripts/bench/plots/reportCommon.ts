/**
 * What the report generator reads (bench-out/all/*.json and the run log) and the helpers every section shares:
 * number formatting and the machine captions that go under each figure.
 */
import type { ConditionResult } from '../realObjects';
import type { AppImportResult } from '../appImport';
import type { BrowserBenchResult } from '../browser/runBrowserBench';
import type { DetectorBenchResult } from '../detector';
import type { FusionBenchResult } from '../fusion';
import { machineLine, type MachineInfo } from '../machine';
import type { OdometryBenchResult } from '../odometry';
import type { ReasoningBenchReport } from '../reasoning';
import type { VlmBenchResult } from '../vlm';
import type { VsiBenchResult } from '../vsibench';
import type { NaturalBenchResult } from '../natural/runNatural';

export interface RunEntry {
  readonly quick: boolean;
  readonly before: MachineInfo;
  readonly after: MachineInfo;
  readonly seconds: number;
  readonly cpuSeconds: number;
  readonly error?: string;
}

export interface RunLog {
  readonly quick: boolean;
  benches: Record<string, RunEntry>;
}

export interface BenchResults {
  readonly run: RunLog;
  readonly odometry?: OdometryBenchResult;
  /** The same bench on the real Kinect sequence (7-Scenes redkitchen), when it ran. */
  readonly odometry7Scenes?: OdometryBenchResult;
  /** The app pipeline's tracking (FrameStep, frame by frame as the worker gets them) on the same sequences. */
  readonly odometryFrameStep?: {
    readonly icl?: OdometryBenchResult;
    readonly sevenScenes?: OdometryBenchResult;
  };
  readonly fusion?: FusionBenchResult;
  readonly reasoning?: ReasoningBenchReport;
  readonly vsibench?: VsiBenchResult;
  readonly detector?: DetectorBenchResult;
  readonly vlm?: VlmBenchResult;
  readonly browser?: BrowserBenchResult;
  /** The app's import of a real sequence against the CLI's (scripts/bench/appImport.ts). */
  readonly appImport?: AppImportResult;
  readonly realObjects?: ConditionResult[];
  /** The everyday-question bench, by phrasing bank (main, heldout, bank3, bank4, bank5, bank6, bank7, bank8, bank9). */
  readonly natural?: Readonly<Record<string, NaturalBenchResult | undefined>>;
}

export const f1 = (x: number): string => x.toFixed(1);
export const mib = (b: number | null | undefined): number | null => (b == null ? null : b / 2 ** 20);

export function caption(run: RunLog, ...names: string[]): string {
  const lines = names
    .map((n) => [n, run.benches[n]] as const)
    .filter(([, e]) => e)
    .map(
      ([n, e]) =>
        `${n}: ${machineLine(e.after)}; load ${e.before.loadAverage[0].toFixed(1)} → ${e.after.loadAverage[0].toFixed(1)} during the run; ${f1(e.seconds)} s wall, ${f1(e.cpuSeconds)} s CPU in Node${e.quick ? '; --quick' : ''}; ${e.after.date}`,
    );
  return lines.length ? `_Measured on ${lines.join('. ')}._\n` : '';
}

/** The foot line of a plot: where and at what load its numbers were measured. */
export function note(run: RunLog, ...names: string[]): string | undefined {
  const e = names.map((n) => run.benches[n]).filter((x): x is RunEntry => !!x);
  if (!e.length) return undefined;
  const m = e[e.length - 1].after;
  const loads = e.map((x) => x.after.loadAverage[0].toFixed(1)).join(' / ');
  return `${m.cpuModel}, ${m.cores} cores, load ${loads}, Node ${m.node}${m.chromium ? `, Chromium ${m.chromium}` : ''}, ${m.date.slice(0, 10)}`;
}

export const missing = (what: string, run: RunLog, name: string): string =>
  `_No results: ${run.benches[name]?.error ?? `bench-out/all/${what} is missing (run \`npm run bench -- --only ${name}\`)`}._\n`;
