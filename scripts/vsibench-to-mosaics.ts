/**
 * VSI-Bench meta_info → one mosaic file per scene (the mosaic file contract, up = +z), for `spatial-mosaic ask` or
 * `eval` on the benchmark's ground-truth layouts.
 *   npx tsx scripts/vsibench-to-mosaics.ts <meta_info.json> --out <dir>
 * (scripts/bench/vsibench.ts does this and runs eval on every scene.)
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { mosaicsFromVsiMetaInfo, VsiMetaInfoError } from '../src/core/mosaic/fromVsiMetaInfo';

async function main(argv: string[]): Promise<void> {
  const o = argv.indexOf('--out');
  const out = o >= 0 ? argv[o + 1] : undefined;
  const input = argv.find((a, i) => !a.startsWith('--') && argv[i - 1] !== '--out');
  if (!input || !out)
    throw new Error('usage: npx tsx scripts/vsibench-to-mosaics.ts <meta_info.json> --out <dir>');
  let json: unknown;
  try {
    json = JSON.parse(await readFile(input, 'utf8'));
  } catch (e) {
    throw new Error(`${input}: cannot read it as JSON (${(e as Error).message})`);
  }
  const mosaics = mosaicsFromVsiMetaInfo(json);
  await mkdir(out, { recursive: true });
  for (const [scene, m] of mosaics) await writeFile(path.join(out, `${scene}.json`), JSON.stringify(m));
  process.stdout.write(`wrote ${mosaics.size} mosaic files to ${out}\n`);
}

main(process.argv.slice(2)).catch((e: unknown) => {
  process.stderr.write(
    `${e instanceof VsiMetaInfoError ? `${process.argv[2]}: ` : ''}${(e as Error).message}\n`,
  );
  process.exitCode = 1;
});
