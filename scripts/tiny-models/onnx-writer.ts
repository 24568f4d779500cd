/**
 * Writes ONNX ModelProto bytes from a small graph builder. Field numbers follow onnx/onnx.proto (IR version 8);
 * only the parts that tiny test models need are covered: tensors, value infos with symbolic dims, nodes with
 * int/float/string/ints/floats/tensor attributes, and opset imports.
 */
import { ProtoWriter } from './protobuf';

export type ElemType = 'float32' | 'float16' | 'int64' | 'int32' | 'bool' | 'uint8' | 'int8';

/** TensorProto.DataType codes. */
const ELEM_CODE: Record<ElemType, number> = {
  float32: 1,
  uint8: 2,
  int8: 3,
  int32: 6,
  int64: 7,
  bool: 9,
  float16: 10,
};

/** A dimension: a fixed size, or a symbolic name (ONNX dim_param) such as 'batch_size'. */
export type Dim = number | string;

export interface TensorData {
  readonly type: ElemType;
  readonly dims: readonly number[];
  readonly data: Float32Array | BigInt64Array | Int32Array | Uint8Array | Int8Array;
}

export class OnnxWriterError extends Error {
  override name = 'OnnxWriterError';
}

/** Attribute values; floats must be wrapped so that 1.0 is not mistaken for the int 1. */
export type AttrValue =
  | number
  | string
  | readonly number[]
  | { readonly float: number }
  | { readonly floats: readonly number[] }
  | { readonly tensor: TensorData };

interface NodeSpec {
  readonly op: string;
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
  readonly attrs: Record<string, AttrValue>;
  readonly name: string;
}

interface ValueInfo {
  readonly name: string;
  readonly type: ElemType;
  readonly shape: readonly Dim[];
}

export function f32(dims: readonly number[], values: ArrayLike<number>): TensorData {
  const n = dims.reduce((a, b) => a * b, 1);
  if (values.length !== n)
    throw new OnnxWriterError(`f32 tensor: ${values.length} values for dims [${dims}] (needs ${n})`);
  return { type: 'float32', dims, data: Float32Array.from(values) };
}

export function i64(dims: readonly number[], values: readonly number[]): TensorData {
  return { type: 'int64', dims, data: BigInt64Array.from(values.map((v) => BigInt(v))) };
}

export class GraphBuilder {
  private readonly nodes: NodeSpec[] = [];
  private readonly inits: { name: string; tensor: TensorData }[] = [];
  private readonly inputs: ValueInfo[] = [];
  private readonly outputs: ValueInfo[] = [];
  private counter = 0;

  constructor(readonly name: string) {}

  input(name: string, type: ElemType, shape: readonly Dim[]): string {
    this.inputs.push({ name, type, shape });
    return name;
  }

  output(name: string, type: ElemType, shape: readonly Dim[]): string {
    this.outputs.push({ name, type, shape });
    return name;
  }

  /** Adds a weight (initializer) and returns its name. */
  init(name: string, tensor: TensorData): string {
    this.inits.push({ name, tensor });
    return name;
  }

  /** A constant int64 vector, e.g. a Reshape target or Unsqueeze axes. */
  ints(values: readonly number[], name = this.fresh('const')): string {
    return this.init(name, i64([values.length], values));
  }

  /**
   * Adds a node. `outputs` may be names or a count (fresh names are generated). Returns the output names;
   * the first is also the return value of `op1` for the common single-output case.
   */
  node(
    op: string,
    inputs: readonly string[],
    outputs: readonly string[] | number = 1,
    attrs: Record<string, AttrValue> = {},
  ): string[] {
    const outs =
      typeof outputs === 'number' ? Array.from({ length: outputs }, () => this.fresh(op)) : [...outputs];
    this.nodes.push({ op, inputs, outputs: outs, attrs, name: this.fresh(`${op}_node`) });
    return outs;
  }

  op1(op: string, inputs: readonly string[], attrs: Record<string, AttrValue> = {}, output?: string): string {
    return this.node(op, inputs, output ? [output] : 1, attrs)[0];
  }

  private fresh(prefix: string): string {
    this.counter += 1;
    return `${prefix}_${this.counter}`;
  }

  /** Serialises into ModelProto bytes. */
  toModel(opts: { opset?: number; producer?: string; docString?: string } = {}): Uint8Array {
    const declared = new Set([...this.inputs.map((v) => v.name), ...this.inits.map((v) => v.name)]);
    for (const n of this.nodes) {
      for (const i of n.inputs)
        if (i !== '' && !declared.has(i))
          throw new OnnxWriterError(
            `graph ${this.name}: node ${n.name} (${n.op}) reads undefined value '${i}'`,
          );
      for (const o of n.outputs) declared.add(o);
    }
    for (const o of this.outputs)
      if (!declared.has(o.name))
        throw new OnnxWriterError(`graph ${this.name}: output '${o.name}' is never produced`);

    const w = new ProtoWriter();
    w.int(1, 8); // ir_version
    w.string(2, opts.producer ?? 'spatial-mosaic tiny-models');
    w.string(3, '1');
    if (opts.docString) w.string(6, opts.docString);
    w.message(7, (g) => this.writeGraph(g));
    w.message(8, (o) => {
      o.string(1, '');
      o.int(2, opts.opset ?? 17);
    });
    return w.bytes();
  }

  private writeGraph(g: ProtoWriter): void {
    for (const n of this.nodes) g.message(1, (w) => writeNode(w, n));
    g.string(2, this.name);
    for (const { name, tensor } of this.inits) g.message(5, (w) => writeTensor(w, name, tensor));
    for (const v of this.inputs) g.message(11, (w) => writeValueInfo(w, v));
    for (const v of this.outputs) g.message(12, (w) => writeValueInfo(w, v));
  }
}

function writeTensor(w: ProtoWriter, name: string, t: TensorData): void {
  for (const d of t.dims) w.int(1, d);
  w.int(2, ELEM_CODE[t.type]);
  w.string(8, name);
  w.raw(9, new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.byteLength));
}

function writeValueInfo(w: ProtoWriter, v: ValueInfo): void {
  w.string(1, v.name);
  w.message(2, (type) =>
    type.message(1, (tensor) => {
      tensor.int(1, ELEM_CODE[v.type]);
      tensor.message(2, (shape) => {
        for (const d of v.shape)
          shape.message(1, (dim) => (typeof d === 'number' ? dim.int(1, d) : dim.string(2, d)));
      });
    }),
  );
}

/** AttributeProto.AttributeType codes. */
const ATTR = { FLOAT: 1, INT: 2, STRING: 3, TENSOR: 4, FLOATS: 6, INTS: 7 } as const;

function writeNode(w: ProtoWriter, n: NodeSpec): void {
  for (const i of n.inputs) w.string(1, i);
  for (const o of n.outputs) w.string(2, o);
  w.string(3, n.name);
  w.string(4, n.op);
  for (const [key, value] of Object.entries(n.attrs)) w.message(5, (a) => writeAttr(a, key, value));
}

function writeAttr(a: ProtoWriter, key: string, value: AttrValue): void {
  a.string(1, key);
  if (typeof value === 'number') {
    if (!Number.isInteger(value))
      throw new OnnxWriterError(`attribute ${key}=${value}: wrap non-integer numbers as {float: x}`);
    a.int(3, value);
    a.int(20, ATTR.INT);
  } else if (typeof value === 'string') {
    a.string(4, value);
    a.int(20, ATTR.STRING);
  } else if (Array.isArray(value)) {
    a.packedInts(8, value as readonly number[]);
    a.int(20, ATTR.INTS);
  } else if ('float' in value) {
    a.float(2, value.float);
    a.int(20, ATTR.FLOAT);
  } else if ('floats' in value) {
    a.packedFloats(7, value.floats);
    a.int(20, ATTR.FLOATS);
  } else if ('tensor' in value) {
    a.message(5, (t) => writeTensor(t, '', value.tensor));
    a.int(20, ATTR.TENSOR);
  }
}
