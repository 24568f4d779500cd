/**
 * `npm run models`: put the manifest's models into public/models/ (the layout the app serves offline),
 * from the Hugging Face Hub or from a local folder in the same layout, each file checked against the
 * manifest's size and sha256.
 *
 *   npm run models                               all models, their default dtypes, from the Hub
 *   npm run models -- --from ../shared/models    copy what a local folder has (e.g. yolox-nano)
 *   npm run models -- --models yolox-nano --dtypes q4,fp16 --hub <mirror> --out <dir>
 *   npm run models -- --pin                      also write the size/sha256 of fetched files that the
 *                                                manifest leaves null back into it
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Dtype } from '../../src/core/backend/decideBackend';
import { filesFor, findModel, parseManifest } from '../../src/engines/models/manifest';
import type { ModelFileSpec } from '../../src/engines/models/manifest';
import { DEFAULT_HUB_URL, ModelFetchError, ModelLoader } from '../../src/engines/models/modelLoader';
import type { FetchLike } from '../../src/engines/models/modelLoader';
import { sha256Hex } from '../../src/engines/models/sha256';

export interface FetchModelsOptions {
  readonly manifestPath?: string;
  readonly out?: string;
  readonly hub?: string;
  readonly from?: string;
  readonly models?: readonly string[];
  readonly dtypes?: readonly Dtype[];
  readonly pin?: boolean;
  /** Print the usage and do nothing else (command line only). */
  readonly help?: boolean;
  readonly fetch?: FetchLike;
  readonly log?: (line: string) => void;
}

export interface FetchModelsResult {
  /** `<id>/<path>` → where it came from. */
  readonly files: Record<string, FileOutcome>;
  /** One line per model that failed. */
  readonly errors: string[];
  readonly pinned: number;
}

/** `bundled`: the file ships with the app (a model with no Hub source) and is in place. */
export type FileOutcome = 'present' | 'bundled' | 'copied' | 'downloaded';

export class FetchModelsError extends Error {
  override readonly name = 'FetchModelsError';
}

export async function fetchModels(opts: FetchModelsOptions = {}): Promise<FetchModelsResult> {
  const manifestPath = opts.manifestPath ?? 'public/models/manifest.json';
  const out = opts.out ?? path.dirname(manifestPath);
  const hub = opts.hub ?? DEFAULT_HUB_URL;
  const log = opts.log ?? ((line: string) => console.log(line));
  const raw = JSON.parse(await readFile(manifestPath, 'utf8')) as unknown;
  const manifest = parseManifest(raw, manifestPath);
  const loader = new ModelLoader({
    manifest,
    modelsBaseUrl: null,
    hubBaseUrl: hub,
    allowNetwork: true,
    cache: null,
    ...(opts.fetch ? { fetch: opts.fetch } : {}),
  });
  const files: Record<string, FileOutcome> = {};
  const errors: string[] = [];
  const pins = new Map<string, { size: number; sha256: string }>();
  const ids = opts.models ?? manifest.models.map((m) => m.id);

  for (const id of ids) {
    try {
      const entry = findModel(manifest, id);
      const dtypes = opts.dtypes ? opts.dtypes.filter((d) => d in entry.dtypes) : entry.defaultDtypes;
      for (const spec of filesFor(entry, dtypes)) {
        const key = `${id}/${spec.path}`;
        const target = path.join(out, id, spec.path);
        let bytes: Uint8Array | undefined;
        if (existsSync(target) && (await matches(new Uint8Array(await readFile(target)), spec))) {
          files[key] = entry.hub ? 'present' : 'bundled';
          bytes = new Uint8Array(await readFile(target));
        } else if (opts.from && existsSync(path.join(opts.from, id, spec.path))) {
          const source = path.join(opts.from, id, spec.path);
          bytes = new Uint8Array(await readFile(source));
          if (!(await matches(bytes, spec))) {
            throw new FetchModelsError(`${source} does not match the manifest's size/sha256 for ${key}`);
          }
          await writeAtomically(target, bytes);
          files[key] = 'copied';
        } else if (entry.hub) {
          bytes = await loader.loadFile(id, spec.path);
          await writeAtomically(target, bytes);
          files[key] = 'downloaded';
        } else {
          throw new FetchModelsError(
            `${key} ships with the app (it has no Hub source) but is missing or damaged in ${path.join(out, id)}: restore it with \`git checkout -- ${path.join(out, id)}\`${opts.from ? ` (it is not in ${opts.from} either)` : ', or pass --from <folder that has it>'}`,
          );
        }
        const note = files[key] === 'bundled' ? ', ships with the app' : '';
        log(`${files[key].padEnd(10)} ${key} (${(bytes.length / 1e6).toFixed(1)} MB${note})`);
        if (opts.pin && (spec.size === null || spec.sha256 === null)) {
          pins.set(key, { size: bytes.length, sha256: await sha256Hex(bytes) });
        }
      }
    } catch (e) {
      const message =
        e instanceof ModelFetchError
          ? `${e.message}; offline, use --from <folder> or --hub <mirror>`
          : (e as Error).message;
      errors.push(`${id}: ${message}`);
      log(`error      ${id}: ${message}`);
      if (e instanceof ModelFetchError && /could not reach/.test(e.message)) {
        // No network: the rest would fail too. Say which were not tried rather than repeat the error.
        const rest = ids.slice(ids.indexOf(id) + 1);
        if (rest.length > 0) log(`skipped    ${rest.join(', ')}: not tried without the network`);
        break;
      }
    }
  }
  if (pins.size > 0) await writeFile(manifestPath, JSON.stringify(pin(raw, pins), null, 2) + '\n');
  return { files, errors, pinned: pins.size };
}

async function matches(bytes: Uint8Array, spec: ModelFileSpec): Promise<boolean> {
  if (spec.size !== null && bytes.length !== spec.size) return false;
  return spec.sha256 === null || (await sha256Hex(bytes)) === spec.sha256;
}

async function writeAtomically(target: string, bytes: Uint8Array): Promise<void> {
  await mkdir(path.dirname(target), { recursive: true });
  const tmp = `${target}.part`;
  await writeFile(tmp, bytes);
  await rename(tmp, target); // a half-written file never has the real name
}

/** Fill null size/sha256 fields in the raw JSON (keeping its other fields and order). */
function pin(raw: unknown, pins: Map<string, { size: number; sha256: string }>): unknown {
  const json = structuredClone(raw) as {
    models: { id: string; files: RawFile[]; dtypes: Record<string, RawFile[]> }[];
  };
  for (const model of json.models) {
    for (const f of [...model.files, ...Object.values(model.dtypes).flat()]) {
      const p = pins.get(`${model.id}/${f.path}`);
      if (!p) continue;
      f.size ??= p.size;
      f.sha256 ??= p.sha256;
    }
  }
  parseManifest(json, 'the pinned manifest'); // never write a manifest we could not read back
  return json;
}
interface RawFile {
  path: string;
  size: number | null;
  sha256: string | null;
}

function parseArgs(argv: readonly string[]): FetchModelsOptions {
  const opts: Record<string, unknown> = {};
  const list = (v: string) =>
    v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new FetchModelsError(`${arg} needs a value`);
      return v;
    };
    if (arg === '--hub') opts.hub = value();
    else if (arg === '--out') opts.out = value();
    else if (arg === '--from') opts.from = value();
    else if (arg === '--manifest') opts.manifestPath = value();
    else if (arg === '--models') opts.models = list(value());
    else if (arg === '--dtypes') opts.dtypes = list(value());
    else if (arg === '--pin') opts.pin = true;
    else if (arg === '--help' || arg === '-h') opts.help = true;
    else throw new FetchModelsError(`unknown option ${arg} (npm run models -- --help lists them)`);
  }
  return opts as FetchModelsOptions;
}

const USAGE = `npm run models [-- options]: put the manifest's models into public/models/, checked against its size/sha256

  --models <id,id>   only these models (default: every model in the manifest)
  --dtypes <d,d>     these dtypes (fp32, fp16, q8, q4, q4f16) instead of each model's defaults
  --from <folder>    copy from a local folder in the same layout (e.g. ../shared/models) before asking the Hub
  --hub <url>        a mirror in the Hub's layout (/<repo>/resolve/<revision>/<file>)
  --out <folder>     where to write (default: next to the manifest)
  --manifest <file>  another manifest (default: public/models/manifest.json)
  --pin              write the size/sha256 of fetched files the manifest leaves null back into it

YOLOX-Nano ships with the app (public/models/yolox-nano/): it is checked, never fetched.`;

async function main(): Promise<void> {
  try {
    const opts = parseArgs(process.argv.slice(2));
    if (opts.help) {
      console.log(USAGE);
      return;
    }
    const result = await fetchModels(opts);
    if (result.pinned > 0)
      console.log(`pinned ${result.pinned} ${result.pinned === 1 ? 'file' : 'files'} in the manifest`);
    if (Object.values(result.files).some((f) => f === 'copied' || f === 'downloaded'))
      console.log('A running app (npm start or npm run dev) serves new models at once: reload the page.');
    if (result.errors.length > 0) {
      const n = result.errors.length;
      console.error(`npm run models: ${n} ${n === 1 ? 'model' : 'models'} failed (see above)`);
      process.exitCode = 1;
    }
  } catch (e) {
    console.error(`npm run models: ${(e as Error).message}`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) void main();
