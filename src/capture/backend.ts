/**
 * Starts the tfjs backend the capture engine runs on. The one stored for this browser version is
 * used as is; otherwise wasm and webgl are each timed on a micro-benchmark and the faster wins
 * (the unused one is shut down). cpu is only the fallback for when neither starts.
 *
 * WebGL drawn in software (SwiftShader, llvmpipe: a machine without a usable GPU) is not raced:
 * it runs the GPU's work on the CPU, and `npm run bench:browser` measured it 28x slower than
 * wasm on the micro-benchmark and 5x slower per capture, after a first capture of 15 s.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgl';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import type { BackendName, BackendReport, BackendTimes } from '../model/backend';
import { MoodtabError } from '../common/errors';
import { timeBackendWorkload } from './backendBenchmark';

export interface BackendConfig {
  /** Base URL of the bundled tfjs-backend-wasm .wasm files. */
  wasmBaseUrl: string;
  /** Raced by the micro-benchmark, in this order. */
  candidates?: readonly BackendName[];
  /** Times the current backend; a run above `giveUpAboveMs` may end early (tests replace it). */
  time?: (giveUpAboveMs: number) => Promise<number>;
  /** Whether WebGL here is drawn in software (tests replace it). */
  softwareWebgl?: () => boolean;
}

const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software/i;

/** The WebGL renderer's name, from a throwaway context; software renderers say so in it. */
function isSoftwareWebgl(): boolean {
  try {
    const gl = document.createElement('canvas').getContext('webgl2');
    if (!gl) return false; // no WebGL 2: the webgl backend will not start, nothing to decide
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return SOFTWARE_RENDERER.test(renderer);
  } catch {
    return false;
  }
}

let wasmConfigured = false;

function configureWasm(baseUrl: string): void {
  if (wasmConfigured) return;
  // Threads need SharedArrayBuffer, hence a cross-origin isolated page, which extension pages are
  // not; saying so up front means the threaded binary is never looked for (and is not bundled).
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  setWasmPaths(baseUrl);
  wasmConfigured = true;
}

async function start(name: BackendName): Promise<boolean> {
  try {
    if (!(await tf.setBackend(name))) return false;
    await tf.ready();
    return true;
  } catch {
    return false; // e.g. no WebGL in this browser, or a .wasm file that does not load
  }
}

const fastest = (times: BackendTimes): BackendName | undefined =>
  (Object.entries(times) as [BackendName, number][]).sort(([, a], [, b]) => a - b)[0]?.[0];

export async function startBackend(
  preferred: BackendName | undefined,
  config: BackendConfig,
): Promise<BackendReport> {
  const {
    candidates = ['wasm', 'webgl'],
    time = (giveUpAboveMs) => timeBackendWorkload(3, giveUpAboveMs),
    softwareWebgl = isSoftwareWebgl,
  } = config;
  configureWasm(config.wasmBaseUrl);
  if (preferred && (await start(preferred))) return { name: preferred };

  const measured: BackendTimes = {};
  for (const name of candidates) {
    if (name === 'webgl' && softwareWebgl()) continue;
    // Three times the best so far cannot win: stop timing it.
    const best = Math.min(...Object.values(measured));
    if (await start(name)) measured[name] = await time(3 * best);
  }
  const best = fastest(measured);
  for (const name of Object.keys(measured) as BackendName[]) {
    if (name !== best) tf.removeBackend(name); // frees the loser's GL context or wasm memory
  }
  if (best && (await start(best))) return { name: best, measured };
  if (await start('cpu')) return { name: 'cpu', measured };
  throw new MoodtabError('model-load-failed', 'no tfjs backend could start');
}
