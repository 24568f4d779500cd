/** `npm run models` against a local server in the Hub's URL layout (`/<repo>/resolve/<rev>/<file>`). */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo, Server } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fetchModels } from './fetch-models';

const CONFIG = new TextEncoder().encode('{"model_type":"tiny"}');
const WEIGHTS = Uint8Array.from({ length: 5000 }, (_, i) => (i * 31) % 256);
const LOCAL = Uint8Array.from({ length: 300 }, (_, i) => i % 7);
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

const manifest = () => ({
  schemaVersion: 1,
  models: [
    {
      id: 'org/tiny',
      kind: 'depth',
      licence: 'Apache-2.0',
      description: 'test',
      hub: { repo: 'org/tiny', revision: 'rev1' },
      files: [{ path: 'config.json', size: CONFIG.length, sha256: sha(CONFIG) }],
      dtypes: {
        fp32: [{ path: 'onnx/model.onnx', size: null, sha256: null }],
        q8: [{ path: 'onnx/model_quantized.onnx', size: 1, sha256: null }],
      },
      defaultDtypes: ['fp32'],
    },
    {
      id: 'local-net',
      kind: 'detector',
      licence: 'Apache-2.0',
      hub: null,
      files: [{ path: 'net.onnx', size: LOCAL.length, sha256: sha(LOCAL) }],
      dtypes: {},
      defaultDtypes: [],
    },
  ],
});

let server: Server;
let hub = '';
let served: Record<string, Uint8Array> = {};
const requests: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const body = served[req.url ?? ''];
    if (!body) {
      res.writeHead(404).end('Entry not found');
      return;
    }
    res.writeHead(200, { 'content-length': body.length }).end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  hub = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

let dir = '';
let manifestPath = '';
const quiet = () => undefined;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'fetch-models-'));
  manifestPath = path.join(dir, 'manifest.json');
  writeFileSync(manifestPath, JSON.stringify(manifest(), null, 2));
  mkdirSync(path.join(dir, 'shared/local-net'), { recursive: true });
  writeFileSync(path.join(dir, 'shared/local-net/net.onnx'), LOCAL);
  served = {
    '/org/tiny/resolve/rev1/config.json': CONFIG,
    '/org/tiny/resolve/rev1/onnx/model.onnx': WEIGHTS,
  };
  requests.length = 0;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('fetchModels', () => {
  it('downloads Hub models, copies local-only ones, pins unpinned files, and skips what is already there', async () => {
    const out = path.join(dir, 'out');
    const opts = { manifestPath, out, hub, from: path.join(dir, 'shared'), pin: true, log: quiet };
    const first = await fetchModels(opts);
    expect(first.errors).toEqual([]);
    expect(first.files).toEqual({
      'org/tiny/config.json': 'downloaded',
      'org/tiny/onnx/model.onnx': 'downloaded',
      'local-net/net.onnx': 'copied',
    });
    expect(readFileSync(path.join(out, 'org/tiny/onnx/model.onnx'))).toEqual(Buffer.from(WEIGHTS));
    expect(readFileSync(path.join(out, 'local-net/net.onnx'))).toEqual(Buffer.from(LOCAL));
    expect(first.pinned).toBe(1);
    const pinned = JSON.parse(readFileSync(manifestPath, 'utf8'));
    expect(pinned.models[0].dtypes.fp32[0]).toEqual({
      path: 'onnx/model.onnx',
      size: 5000,
      sha256: sha(WEIGHTS),
    });
    expect(pinned.models[0].dtypes.q8[0]).toEqual({
      path: 'onnx/model_quantized.onnx',
      size: 1,
      sha256: null,
    });

    requests.length = 0;
    const second = await fetchModels(opts);
    // The local-only model, once in place, is one that ships with the app.
    expect(Object.values(second.files)).toEqual(['present', 'present', 'bundled']);
    expect(requests).toEqual([]);
  });

  it('fetches the dtypes asked for, and names a file the Hub does not have', async () => {
    const result = await fetchModels({
      manifestPath,
      out: path.join(dir, 'o'),
      hub,
      models: ['org/tiny'],
      dtypes: ['q8'],
      log: quiet,
    });
    expect(requests).toEqual([
      '/org/tiny/resolve/rev1/config.json',
      '/org/tiny/resolve/rev1/onnx/model_quantized.onnx',
    ]);
    expect(result.errors).toEqual([
      `org/tiny: model "org/tiny" file "onnx/model_quantized.onnx" is not on the Hub at ${hub}/org/tiny/resolve/rev1/onnx/model_quantized.onnx (404): check the manifest's repo, revision and path`,
    ]);
  });

  it('refuses a corrupt download and leaves no file behind', async () => {
    const bad = CONFIG.slice();
    bad[0] ^= 1;
    served['/org/tiny/resolve/rev1/config.json'] = bad;
    const out = path.join(dir, 'o');
    const result = await fetchModels({ manifestPath, out, hub, models: ['org/tiny'], log: quiet });
    expect(result.errors[0]).toMatch(
      /org\/tiny: model "org\/tiny" file "config.json" from .* is corrupt: sha256/,
    );
    expect(existsSync(path.join(out, 'org/tiny/config.json'))).toBe(false);
  });

  it('says a model with no Hub source is bundled, and how to restore it when it is missing', async () => {
    const out = path.join(dir, 'o');
    const missing = await fetchModels({ manifestPath, out, hub, models: ['local-net'], log: quiet });
    expect(missing.errors).toEqual([
      `local-net: local-net/net.onnx ships with the app (it has no Hub source) but is missing or damaged in ${out}/local-net: restore it with \`git checkout -- ${out}/local-net\`, or pass --from <folder that has it>`,
    ]);
    mkdirSync(path.join(out, 'local-net'), { recursive: true });
    writeFileSync(path.join(out, 'local-net/net.onnx'), LOCAL);
    const lines: string[] = [];
    const bundled = await fetchModels({ manifestPath, out, hub, log: (l) => lines.push(l) });
    expect(bundled.errors).toEqual([]);
    expect(bundled.files['local-net/net.onnx']).toBe('bundled');
    expect(lines).toContain('bundled    local-net/net.onnx (0.0 MB, ships with the app)');
    expect(requests.some((r) => r.includes('local-net'))).toBe(false);
  });

  it('fails with a clear message when there is no network', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const result = await fetchModels({
      manifestPath,
      out: path.join(dir, 'o'),
      hub: `http://127.0.0.1:${port}`,
      log: quiet,
    });
    expect(result.errors).toHaveLength(1); // stops at the first unreachable file
    expect(result.errors[0]).toMatch(
      /org\/tiny: model "org\/tiny" file "config.json": could not reach http:\/\/127.0.0.1:\d+\/org\/tiny\/resolve\/rev1\/config.json \(.*ECONNREFUSED.*\).*offline, use --from <folder> or --hub <mirror>/,
    );
  });
});
