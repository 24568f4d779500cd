#!/usr/bin/env node
/**
 * Checks a built bundle for test and fault-injection hooks: `node scripts/check-bundle.mjs [dist]` (after
 * `npx vite build`; dist-lib/ works too). Lists each hook marker found, with the files that hold it, and exits 1
 * when there is any; 0 when the bundle is clean. Source maps are skipped: they are not run.
 *
 * Minification renames functions and variables, so the markers are what survives it: property and method
 * names of the test APIs, message kinds of the worker test calls, the global the e2e suite drives, and
 * message texts of the hooks.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

// Where each hook lives now: e2e/harness/, built only into the e2e bundle (`vite build --mode e2e` → dist-e2e/,
// which holds every marker below; the product's dist/ must hold none).
const HOOKS = [
  { hook: 'test API global (e2e/harness/testApi.ts, main.ts)', markers: ['__spatialMosaicTest'] },
  {
    hook: 'test API methods (e2e/harness/testApi.ts)',
    markers: ['workerStorageRoundTrip', 'progressRun', 'abortedRun', 'namedError', 'fuseFrames'],
  },
  {
    hook: 'fault injection (e2e/harness/faultTestApi.ts)',
    markers: ['crashMidScene', 'quotaMidScene', 'pauseMidWrite', 'appPerceptionCrash', 'armReasonerCrash'],
  },
  {
    // Not `askVlm`: the reasoner service has a method of that name (the VLM for one question).
    hook: 'real-engine test API (e2e/harness/perceptionTestApi.ts, webgpuFaults.ts)',
    markers: ['failWebgpu', 'loseWebgpuAfterRuns', 'timeEngines', 'stopAfterTokens'],
  },
  { hook: 'engine self-check (e2e/harness/engineCheck.ts)', markers: ['engineCheck'] },
  {
    hook: 'worker self-tests (e2e/harness/perceptionUnderTest.ts, reasonerUnderTest.ts)',
    markers: ['selfTest', 'crash-next-frame', 'crash-next-ask'],
  },
  {
    hook: 'live load driver (e2e/harness/liveLoad.ts)',
    markers: ['liveLoad', 'load: no LiveFeed was given', 'load: finish() before push()'],
  },
  { hook: 'synthetic frames (e2e/harness/syntheticFrame.ts)', markers: ['syntheticFrame', 'SYNTHETIC_UP'] },
];

const SCANNED = /\.(m?js|html|json)$/;

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) yield* files(p);
    else if (SCANNED.test(name)) yield p;
  }
}

function countOf(text, needle) {
  let n = 0;
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + needle.length)) n++;
  return n;
}

const dir = path.resolve(process.argv[2] ?? 'dist');
let list;
try {
  list = [...files(dir)];
} catch {
  console.error(
    `${path.relative(process.cwd(), dir) || dir}: no built bundle here. Run \`npx vite build\` first.`,
  );
  process.exit(2);
}
const texts = list.map((f) => ({ file: path.relative(dir, f), text: readFileSync(f, 'utf8') }));

let found = 0;
for (const { hook, markers } of HOOKS) {
  const hits = [];
  for (const marker of markers) {
    const where = texts
      .map(({ file, text }) => ({ file, n: countOf(text, marker) }))
      .filter(({ n }) => n > 0)
      .map(({ file, n }) => `${file} (${n})`);
    if (where.length > 0) hits.push(`    ${JSON.stringify(marker)}: ${where.join(', ')}`);
  }
  console.log(`${hits.length > 0 ? 'FOUND' : 'absent'}  ${hook}`);
  for (const h of hits) console.log(h);
  found += hits.length;
}
console.log(
  found > 0
    ? `${found} test-hook markers in ${texts.length} files of ${dir}: the product bundle ships test code.`
    : `No test-hook markers in ${texts.length} files of ${dir}.`,
);
process.exit(found > 0 ? 1 : 0);
