/**
 * The machine a benchmark ran on, recorded next to every figure: this project's machines are shared and noisy, so a
 * number without its CPU, core count and load average at the time cannot be compared with anything.
 */
import os from 'node:os';
import v8 from 'node:v8';
import vm from 'node:vm';

export interface MachineInfo {
  readonly cpuModel: string;
  readonly cores: number;
  /** 1, 5 and 15-minute load averages when the description was taken. */
  readonly loadAverage: readonly [number, number, number];
  readonly memoryGiB: number;
  readonly os: string;
  readonly node: string;
  /** Set by the browser bench: the Chromium that ran it. */
  readonly chromium?: string;
  readonly date: string;
}

export function describeMachine(extra: { chromium?: string } = {}): MachineInfo {
  const cpus = os.cpus();
  const [l1, l5, l15] = os.loadavg();
  return {
    cpuModel: cpus[0]?.model?.trim() || 'unknown CPU',
    cores: cpus.length,
    loadAverage: [round2(l1), round2(l5), round2(l15)],
    memoryGiB: round2(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    ...(extra.chromium ? { chromium: extra.chromium } : {}),
    date: new Date().toISOString(),
  };
}

/** One line for a figure caption: `AMD EPYC, 2 cores, load 7.3 (1 min), Node v20.20.2`. */
export function machineLine(m: MachineInfo): string {
  return [
    m.cpuModel,
    `${m.cores} cores`,
    `load ${m.loadAverage[0].toFixed(1)} (1 min)`,
    `Node ${m.node}`,
    ...(m.chromium ? [`Chromium ${m.chromium}`] : []),
  ].join(', ');
}

/** Process CPU time (user + system, all threads) in milliseconds since an earlier `process.cpuUsage()`. */
export function cpuMsSince(start: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(start);
  return (d.user + d.system) / 1000;
}

let gcFn: (() => void) | undefined;

/**
 * A full garbage collection, so that heap sizes measure what is retained and not what is waiting to be collected.
 * `npm run bench` runs without --expose-gc; the flag can still be switched on at run time for a fresh context.
 */
export function collectGarbage(): void {
  if (!gcFn) {
    const g = (globalThis as { gc?: () => void }).gc;
    if (g) gcFn = g;
    else {
      v8.setFlagsFromString('--expose-gc');
      gcFn = vm.runInNewContext('gc') as () => void;
    }
  }
  gcFn();
}

const round2 = (x: number): number => Math.round(x * 100) / 100;
