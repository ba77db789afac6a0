import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { ROOT } from './modelPaths';

export type NodeBackend = 'cpu' | 'wasm';

/** Selects a tfjs backend in Node. wasm (SIMD, threads off) is several times faster than cpu. */
export async function useBackend(name: NodeBackend): Promise<void> {
  if (name === 'wasm') {
    setWasmPaths(join(ROOT, 'node_modules', '@tensorflow', 'tfjs-backend-wasm', 'dist') + '/');
  }
  if (!(await tf.setBackend(name))) throw new Error(`tfjs backend ${name} failed to start`);
  await tf.ready();
}

export function parseBackend(value: string | undefined): NodeBackend {
  if (value === undefined || value === 'wasm' || value === 'cpu') return value ?? 'wasm';
  throw new Error(`--backend must be wasm or cpu, not ${value}`);
}
