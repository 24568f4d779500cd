import type { BackendCapabilities } from '../../core/backend/decideBackend';

/**
 * Probes what this JS context (page or worker) can run: a WebGPU adapter and its features/limits, and
 * whether wasm can use threads. Feeds `decideBackend`, which is the one place that picks device and dtype.
 * The environment is injected so the mapping is tested in Node with fakes.
 */
export interface AdapterReport {
  readonly vendor: string;
  readonly architecture: string;
  readonly device: string;
  readonly description: string;
  readonly isFallbackAdapter: boolean;
  readonly features: string[];
  readonly limits: {
    readonly maxBufferSize: number;
    readonly maxStorageBufferBindingSize: number;
    readonly maxComputeWorkgroupStorageSize: number;
    readonly maxComputeInvocationsPerWorkgroup: number;
  };
}

export interface CapabilityReport {
  readonly caps: BackendCapabilities;
  /** null when no adapter was obtained; `adapterProblem` then says why. */
  readonly adapter: AdapterReport | null;
  readonly adapterProblem?: string;
  readonly crossOriginIsolated: boolean;
  readonly hardwareConcurrency: number;
  readonly context: 'window' | 'worker' | 'node';
}

/** The slice of the global scope this probe reads. */
export interface ProbeEnv {
  readonly navigator?: { readonly gpu?: Pick<GPU, 'requestAdapter'>; readonly hardwareConcurrency?: number };
  readonly crossOriginIsolated?: boolean;
  readonly SharedArrayBuffer?: unknown;
  readonly document?: unknown;
  readonly process?: { readonly versions?: { readonly node?: string } };
}

/** Adapters can hang on broken drivers; never wait longer than this for one. */
const ADAPTER_TIMEOUT_MS = 5000;

export async function detectCapabilities(env: ProbeEnv = globalThis as ProbeEnv): Promise<CapabilityReport> {
  const node = !!env.process?.versions?.node && env.document === undefined && !env.navigator?.gpu;
  const isolated = env.crossOriginIsolated === true && typeof env.SharedArrayBuffer === 'function';
  const context = node ? 'node' : env.document !== undefined ? 'window' : 'worker';
  const { adapter, problem } = node ? { adapter: null, problem: 'Node: no WebGPU' } : await probeAdapter(env);
  const caps: BackendCapabilities = {
    webgpu: adapter !== null,
    shaderF16: adapter?.features.includes('shader-f16') ?? false,
    fallbackAdapter: adapter ? adapter.isFallbackAdapter || isSoftwareAdapter(adapter) : false,
    wasmThreads: isolated,
    node,
  };
  return {
    caps,
    adapter,
    ...(problem ? { adapterProblem: problem } : {}),
    crossOriginIsolated: isolated,
    hardwareConcurrency: env.navigator?.hardwareConcurrency ?? 1,
    context,
  };
}

async function probeAdapter(env: ProbeEnv): Promise<{ adapter: AdapterReport | null; problem?: string }> {
  const gpu = env.navigator?.gpu;
  if (!gpu)
    return {
      adapter: null,
      problem: 'navigator.gpu is missing (browser without WebGPU, or insecure context)',
    };
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), ADAPTER_TIMEOUT_MS);
    });
    const adapter = await Promise.race([gpu.requestAdapter(), timeout]);
    if (adapter === 'timeout')
      return { adapter: null, problem: `requestAdapter() did not answer in ${ADAPTER_TIMEOUT_MS} ms` };
    if (!adapter)
      return { adapter: null, problem: 'requestAdapter() returned null (WebGPU disabled or blocklisted)' };
    return { adapter: describeAdapter(adapter) };
  } catch (err) {
    return {
      adapter: null,
      problem: `requestAdapter() failed: ${err instanceof Error ? err.message : String(err)}`,
    };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Software rasterisers that some browsers hand out without setting `isFallbackAdapter` (Mesa's llvmpipe and
 * lavapipe, Windows' Basic Render Driver, SwiftShader behind a flag): they run on the CPU all the same.
 */
const SOFTWARE_ADAPTER = /swiftshader|llvmpipe|lavapipe|softpipe|basic render driver/i;

export function isSoftwareAdapter(
  a: Pick<AdapterReport, 'vendor' | 'architecture' | 'device' | 'description'>,
): boolean {
  return SOFTWARE_ADAPTER.test([a.vendor, a.architecture, a.device, a.description].join(' '));
}

export function describeAdapter(adapter: GPUAdapter): AdapterReport {
  const info = adapter.info as Partial<GPUAdapterInfo> & { isFallbackAdapter?: boolean };
  // Newer Chromium reports the flag on `info`; older builds on the adapter itself.
  const legacy = (adapter as GPUAdapter & { isFallbackAdapter?: boolean }).isFallbackAdapter;
  return {
    vendor: info.vendor ?? '',
    architecture: info.architecture ?? '',
    device: info.device ?? '',
    description: info.description ?? '',
    isFallbackAdapter: info.isFallbackAdapter ?? legacy ?? false,
    features: [...adapter.features].map(String).sort(),
    limits: {
      maxBufferSize: adapter.limits.maxBufferSize,
      maxStorageBufferBindingSize: adapter.limits.maxStorageBufferBindingSize,
      maxComputeWorkgroupStorageSize: adapter.limits.maxComputeWorkgroupStorageSize,
      maxComputeInvocationsPerWorkgroup: adapter.limits.maxComputeInvocationsPerWorkgroup,
    },
  };
}
