import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveModelFile } from './liveModelsPlugin';

describe('serveModelFile', () => {
  let parent: string;
  let root: string;
  let server: Server;
  let base: string;
  beforeAll(async () => {
    parent = mkdtempSync(path.join(tmpdir(), 'live-models-'));
    root = path.join(parent, 'models');
    mkdirSync(root);
    server = createServer((req, res) => {
      void serveModelFile(root, req, res, { 'Cross-Origin-Embedder-Policy': 'require-corp' }).then((ok) => {
        if (!ok) res.writeHead(404).end('next handler');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.close();
    rmSync(parent, { recursive: true, force: true });
  });

  it('serves a model file written after the server started, with the isolation headers', async () => {
    expect((await fetch(`${base}/models/m/model.onnx`)).status).toBe(404);
    mkdirSync(path.join(root, 'm'), { recursive: true });
    writeFileSync(path.join(root, 'm', 'model.onnx'), new Uint8Array([1, 2, 3]));
    const res = await fetch(`${base}/models/m/model.onnx`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
    expect(res.headers.get('content-length')).toBe('3');
    expect([...new Uint8Array(await res.arrayBuffer())]).toEqual([1, 2, 3]);
  });

  it('leaves half-written files, paths outside the folder and other URLs to the next handler', async () => {
    writeFileSync(path.join(root, 'half.onnx.part'), 'x');
    writeFileSync(path.join(root, '..', 'outside.txt'), 'x');
    for (const url of ['/models/half.onnx.part', '/models/..%2Foutside.txt', '/assets/app.js', '/models/m/'])
      expect((await fetch(`${base}${url}`)).status, url).toBe(404);
  });
});
