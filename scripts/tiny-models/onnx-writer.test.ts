import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { GraphBuilder, OnnxWriterError, f32 } from './onnx-writer';
import { hubFilesAvailable } from './hubFiles';
import { smolVlmFolder, SMOLVLM_DIMS } from './smolvlm';

describe('GraphBuilder → ONNX bytes that onnxruntime runs', () => {
  it('MatMul + Add + Relu with symbolic batch gives hand-computed values', async () => {
    const g = new GraphBuilder('t');
    g.input('x', 'float32', ['batch', 2]);
    const w = g.init('w', f32([2, 3], [1, 2, 3, 4, 5, 6]));
    const b = g.init('b', f32([3], [0.5, -10, 0]));
    g.op1('Relu', [g.op1('Add', [g.op1('MatMul', ['x', w]), b])], {}, 'y');
    g.output('y', 'float32', ['batch', 3]);
    const s = await ort.InferenceSession.create(g.toModel());
    const r = await s.run({ x: new ort.Tensor('float32', Float32Array.from([1, 1, 2, 0]), [2, 2]) });
    // [1,1]·W = [5,7,9] + b = [5.5,-3,9] → relu; [2,0]·W = [2,4,6] + b = [2.5,-6,6] → relu.
    expect(Array.from(r.y.data as Float32Array)).toEqual([5.5, 0, 9, 2.5, 0, 6]);
    expect(s.inputMetadata[0]).toMatchObject({ name: 'x', shape: ['batch', 2] });
    await s.release();
  });

  it('float, ints and string attributes survive (Transpose perm, Softmax axis, Resize mode)', async () => {
    const g = new GraphBuilder('attrs');
    g.input('x', 'float32', [1, 1, 1, 2]);
    const up = g.op1('Resize', ['x', '', g.init('s', f32([4], [1, 1, 2, 1]))], { mode: 'nearest' });
    const t = g.op1('Transpose', [up], { perm: [0, 1, 3, 2] });
    g.op1('LeakyRelu', [g.op1('Softmax', [t], { axis: -1 })], { alpha: { float: 0.5 } }, 'y');
    g.output('y', 'float32', [1, 1, 2, 2]);
    const s = await ort.InferenceSession.create(g.toModel());
    const r = await s.run({ x: new ort.Tensor('float32', Float32Array.from([0, 0]), [1, 1, 1, 2]) });
    expect(r.y.dims).toEqual([1, 1, 2, 2]);
    expect(Array.from(r.y.data as Float32Array)).toEqual([0.5, 0.5, 0.5, 0.5]);
  });

  it('rejects a graph that reads an undefined value or never produces an output', () => {
    const g = new GraphBuilder('bad');
    g.op1('Relu', ['nope']);
    expect(() => g.toModel()).toThrow(OnnxWriterError);
    const h = new GraphBuilder('bad2');
    h.output('y', 'float32', [1]);
    expect(() => h.toModel()).toThrow(/never produced/);
  });

  it.skipIf(!hubFilesAvailable())(
    'the tiny SmolVLM decoder grows its KV cache by the tokens fed',
    async () => {
      const { hidden, kvHeads, headDim } = SMOLVLM_DIMS;
      const s = await ort.InferenceSession.create(smolVlmFolder().onnx.decoder_model_merged);
      const feeds: Record<string, ort.Tensor> = {
        inputs_embeds: new ort.Tensor('float32', new Float32Array(3 * hidden), [1, 3, hidden]),
        attention_mask: new ort.Tensor('int64', BigInt64Array.from([1n, 1n, 1n, 1n, 1n]), [1, 5]),
        position_ids: new ort.Tensor('int64', BigInt64Array.from([2n, 3n, 4n]), [1, 3]),
      };
      for (const n of s.inputNames.filter((x) => x.startsWith('past_key_values'))) {
        feeds[n] = new ort.Tensor('float32', new Float32Array(2 * kvHeads * headDim), [
          1,
          kvHeads,
          2,
          headDim,
        ]);
      }
      const keep = (n: bigint) => ({
        num_logits_to_keep: new ort.Tensor('int64', BigInt64Array.from([n]), []),
      });
      const r = await s.run({ ...feeds, ...keep(0n) });
      expect(r['present.1.value'].dims).toEqual([1, kvHeads, 5, headDim]);
      // Logits over the real vocabulary; num_logits_to_keep 0 keeps every position, 1 the last.
      expect(r.logits.dims).toEqual([1, 3, 49280]);
      expect((await s.run({ ...feeds, ...keep(1n) })).logits.dims).toEqual([1, 1, 49280]);
    },
  );
});
