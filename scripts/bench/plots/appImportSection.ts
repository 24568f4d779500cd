import type { AppImportResult } from '../appImport';
import { machineLine } from '../machine';
import { markdownTable, type Cell } from './markdownTable';
import { caption, f1, missing, type RunLog } from './reportCommon';

const TITLE = '## Import speed: the app vs the CLI, per keyframe';
const SETTING: Readonly<Record<string, string>> = { auto: 'Automatic', wasm: 'wasm' };

const ordinal = (n: number): string =>
  n === 1
    ? 'every frame'
    : `every ${n}${n % 10 === 2 && n % 100 !== 12 ? 'nd' : n % 10 === 3 && n % 100 !== 13 ? 'rd' : 'th'} frame`;

/** The BENCHMARKS.md section for scripts/bench/appImport.ts: the app's import of ICL against the CLI's, per keyframe. */
/** The backend itself, without the app's detail: "wasm (1 thread; GPU is software)" → "wasm". */
const device = (label: string): string => label.split(/[\s(]/)[0];

/** The BENCHMARKS.md section for scripts/bench/appImport.ts: the app's import of ICL against the CLI's, per keyframe. */
export function appImportSection(r: AppImportResult | undefined, run: RunLog): string {
  if (!r) return run.benches.appImport ? `${TITLE}\n\n${missing('appImport.json', run, 'appImport')}` : '';
  const cli = r.cli.wallMs / r.cli.keyframes;
  const rows: Cell[][] = [
    ['CLI, the whole command', 'onnxruntime-node, CPU', r.cli.keyframes, cli, '1.00×', r.cli.wallMs / 1000],
    ...r.app.map((a): Cell[] => [
      `app, ${SETTING[a.setting] ?? a.setting}`,
      a.backend,
      r.keyframes,
      a.msPerKeyframe,
      `${(a.msPerKeyframe / cli).toFixed(2)}×`,
      a.totalMs / 1000,
    ]),
  ];
  const auto = r.app.find((a) => a.setting === 'auto');
  const wasm = r.app.find((a) => a.setting === 'wasm');
  const same =
    auto && wasm && device(auto.backend) === device(wasm.backend)
      ? `Automatic chose ${device(auto.backend)} here, as the wasm row does: the two app rows are the same pipeline run twice. `
      : '';
  const odometry =
    r.every === 1
      ? 'both run odometry on every frame'
      : `the CLI runs odometry on all ${r.frames} frames, the app on its ${r.keyframes} keyframes`;
  return [
    TITLE,
    '',
    `The real ICL living room (\`${r.sequence}\`) without detections.json and trajectory.log (YOLOX-Nano detects, ` +
      `our RGB-D odometry places the camera): ${r.frames} frames, ${ordinal(r.every)} a keyframe (the app's own ` +
      `stride for a picked folder), ${r.keyframes} keyframes. App: the production build in the system Chromium, the ` +
      'folder picked in the scene library and built by the perception worker (decode + detect + odometry + fuse + ' +
      'persist + the live map), wall time from the scene showing to the end of the progress bar, after a warm-up ' +
      'build of another folder loaded the model; a fresh browser for each backend setting. CLI: ' +
      `\`spatial-mosaic build --pose odometry --detector yolox --every ${r.every}\`, wall time of the whole command ` +
      `(model load, odometry, decode + detect + fuse, write); ${odometry}. All in one run on one machine, one after ` +
      'the other: compare the ratios more than the absolute times. Reproduce: `npm run bench -- --only appImport`.',
    '',
    markdownTable(
      [
        'pipeline',
        'ran on',
        { header: 'keyframes', align: 'right', digits: 0 },
        { header: 'ms / keyframe', align: 'right', digits: 0 },
        { header: 'vs CLI', align: 'right' },
        { header: 'wall s', align: 'right' },
      ],
      rows,
    ),
    `${same}The CLI's own figure (its keyframe loop: decode, detect, fuse, after the odometry pass and the model ` +
      `load) is ${r.cli.loopMsPerKeyframe.toFixed(0)} ms / keyframe; its process CPU time (all threads) ` +
      `${r.cli.cpuMsPerKeyframe.toFixed(0)} ms / keyframe.`,
    '',
    caption(run, 'appImport') ||
      `_Measured on ${machineLine(r.machine)}; ${f1(r.seconds)} s in all; ${r.machine.date}._\n`,
  ].join('\n');
}
