/**
 * The manifest's pins against the real files in ../shared/models/hub-files: the ONNX sizes and sha256 come from
 * the Hub repo's Git-LFS pointers, the configs' and tokenizer's from their real bytes. Skipped (with the reason
 * in its name) where that folder is absent.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  HUB,
  HUB_FILES_MISSING,
  hubBytes,
  hubFilesAvailable,
  lfsPointers,
} from '../../../scripts/tiny-models/hubFiles';
import { defaultManifest } from './defaultManifest';
import { findModel } from './manifest';

const SMOLVLM = 'HuggingFaceTB/SmolVLM-256M-Instruct';
const available = hubFilesAvailable();

describe.skipIf(!available)(
  `manifest pins match the real files${available ? '' : ` (skipped: ${HUB_FILES_MISSING})`}`,
  () => {
    const entry = findModel(defaultManifest, SMOLVLM);
    const onnx = Object.values(entry.dtypes).flat();

    it('every ONNX file of SmolVLM-256M-Instruct has the size and sha256 of its Git-LFS pointer', () => {
      const pointers = new Map(lfsPointers(HUB.smolVlm).map((p) => [p.path, p]));
      expect(onnx.length).toBe(15);
      for (const f of onnx) {
        const p = pointers.get(f.path);
        expect(p, `${f.path} has no LFS pointer`).toBeDefined();
        expect({ path: f.path, size: f.size, sha256: f.sha256 }).toEqual({
          path: f.path,
          size: p?.size,
          sha256: p?.sha256,
        });
      }
    });

    it('its configs, tokenizer and chat template are pinned to the real bytes', () => {
      for (const f of entry.files) {
        const bytes = hubBytes(HUB.smolVlm, f.path);
        expect({ path: f.path, size: f.size, sha256: f.sha256 }).toEqual({
          path: f.path,
          size: bytes.length,
          sha256: createHash('sha256').update(bytes).digest('hex'),
        });
      }
    });

    it("no other model carries one of these weights' pins (SmolVLM2's weights are different files)", () => {
      const pinned = new Set(onnx.map((f) => f.sha256));
      for (const m of defaultManifest.models.filter((x) => x.id !== SMOLVLM)) {
        for (const f of [...m.files, ...Object.values(m.dtypes).flat()]) {
          expect(pinned.has(f.sha256), `${m.id} ${f.path}`).toBe(false);
        }
      }
    });
  },
);
