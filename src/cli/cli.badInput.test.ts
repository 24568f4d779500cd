import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGrey16Png, encodeRgbPng } from '../core/image/pngEncode';
import { writeIntrinsicsJson, writeTrajectoryLog } from '../core/sequence';
import { main } from './main';

/**
 * Bad input on the command line: exit code 1 and exactly one line on stderr that names the file and the
 * problem — never a stack trace, never "this is a bug". One real process per command (the source through tsx;
 * the compiled bin/ is run by the consumer test, test/consumer/), the rest in-process through main().
 */

const repoRoot = path.resolve(__dirname, '../..');
const entry = path.join(repoRoot, 'src/cli/run.ts');
let dir = '';
const at = (p: string) => path.join(dir, p);

const I = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1];
const mosaic = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    schemaVersion: 1,
    up: [0, 0, 1],
    objects: [
      {
        id: 'a',
        label: 'cup',
        center: [0, 0, 0],
        size: [0.1, 0.1, 0.1],
        yaw: 0,
        confidence: 1,
        firstSeenFrame: 0,
        observations: 1,
        ...extra,
      },
    ],
    trajectory: [],
  });

/** A valid 3-frame folder with intrinsics (so no warning line); `change` breaks one thing. */
function sequence(
  name: string,
  change: (files: Record<string, Uint8Array | string>) => void = () => {},
): string {
  const files: Record<string, Uint8Array | string> = {
    'trajectory.log': writeTrajectoryLog([I, I, I]),
    'intrinsics.json': writeIntrinsicsJson({ width: 8, height: 6, fx: 6, fy: 6, cx: 3.5, cy: 2.5 }),
    'detections.json': '{"frames": {}}',
  };
  for (let i = 0; i < 3; i++) {
    files[`image/0000${i}.png`] = encodeRgbPng(8, 6, new Uint8Array(144).fill(60));
    files[`depth/0000${i}.png`] = encodeGrey16Png(8, 6, new Uint16Array(48).fill(1500));
  }
  change(files);
  for (const [p, v] of Object.entries(files)) {
    mkdirSync(path.dirname(at(`${name}/${p}`)), { recursive: true });
    writeFileSync(at(`${name}/${p}`), v);
  }
  return at(name);
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'sm-cli-hardening-'));
  sequence(
    'truncated',
    (f) => void (f['image/00001.png'] = (f['image/00001.png'] as Uint8Array).subarray(0, 50)),
  );
  sequence('huge', (f) => {
    const png = (f['image/00000.png'] as Uint8Array).slice();
    new DataView(png.buffer).setUint32(16, 100_000);
    f['image/00000.png'] = png;
  });
  sequence('ok');
  writeFileSync(at('null-observation.mosaic.json'), mosaic({ recentObservations: [null] }));
  writeFileSync(at('ok.mosaic.json'), mosaic());
  writeFileSync(at('yaml.json'), 'x: 1\ny: 2\n'); // V8 quotes it, line breaks included
  writeFileSync(at('file.txt'), 'not a folder');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', entry, ...args], { cwd: repoRoot });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function expectOneLine(stderr: string, command: string, message: RegExp): void {
  const lines = stderr.split('\n').filter((l) => l !== '');
  expect(lines).toHaveLength(1);
  expect(lines[0].startsWith(`spatial-mosaic ${command}: `)).toBe(true);
  expect(lines[0]).toMatch(message);
  expect(lines[0]).not.toMatch(/this is a bug|^\s+at |Error: /);
}

describe('each command, as a real process, on bad input', () => {
  it('exits 1 with one line on stderr and nothing on stdout', async () => {
    const cases: [string[], RegExp][] = [
      [
        ['build', at('truncated'), '--out', at('m.json'), '--quiet', '--strict'],
        /image\/00001\.png: truncated/,
      ],
      [
        ['ask', at('null-observation.mosaic.json'), 'how many cups?'],
        /null-observation\.mosaic\.json: objects\[0\]: "recentObservations" must be/,
      ],
      [
        ['eval', at('ok.mosaic.json'), '--questions', at('yaml.json')],
        /yaml\.json: not JSON \(Unexpected token 'x', "x: 1 y: 2 " is not valid JSON\)$/,
      ],
      [
        ['odometry', at('huge'), '--out', at('t.log'), '--quiet'],
        /image\/00000\.png: image is 100000×6 pixels, more than this app decodes/,
      ],
    ];
    const results = await Promise.all(cases.map(([args]) => run(args)));
    results.forEach((r, i) => {
      const [args, message] = cases[i];
      expect({ args, code: r.code, stdout: r.stdout }).toEqual({ args, code: 1, stdout: '' });
      expectOneLine(r.stderr, args[0], message);
    });
  }, 60_000);
});

describe('more bad input through main()', () => {
  async function cli(args: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
    return { code, out, err: err.join('\n') };
  }

  it.each<[string, () => string[], RegExp]>([
    [
      'build --out into a file',
      () => ['build', at('ok'), '--out', at('file.txt/m.json'), '--quiet'],
      /file\.txt: already exists as a file, where a folder is needed \(EEXIST on mkdir\)$/,
    ],
    [
      'build --out a folder',
      () => ['build', at('ok'), '--out', dir, '--quiet'],
      /: is a folder; give a file name \(EISDIR on open\)$/,
    ],
    [
      'odometry --out a folder',
      () => ['odometry', at('ok'), '--out', dir, '--quiet'],
      /: is a folder; give a file name for the estimated trajectory\.log$/,
    ],
    [
      'build on a file',
      () => ['build', at('file.txt'), '--out', at('m.json')],
      /file\.txt: is a file, not a sequence folder$/,
    ],
    [
      'eval with a folder as the questions file',
      () => ['eval', at('ok.mosaic.json'), '--questions', dir],
      /: cannot read the questions file$/,
    ],
    [
      'ask a missing mosaic',
      () => ['ask', at('nope.mosaic.json'), 'how many cups?'],
      /nope\.mosaic\.json: no such file or folder/,
    ],
  ])(
    '%s',
    async (_name, args, message) => {
      const r = await cli(args());
      expect(r.code).toBe(1);
      expectOneLine(r.err, args()[0], message);
    },
    30_000,
  );
});

describe('a question it cannot read is an answer, not an error', () => {
  it('past the length limit: "did not understand" with the reason, exit 0', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(['ask', at('ok.mosaic.json'), 'how many cups? '.repeat(200)], {
      out: (l) => out.push(l),
      err: (l) => err.push(l),
    });
    expect({ code, err }).toEqual({ code: 0, err: [] });
    expect(out.join('\n')).toMatch(
      /^I did not understand the question \(I read: the question is 3000 characters long; ask it in at most 2000\)/,
    );
  }, 30_000);
});
