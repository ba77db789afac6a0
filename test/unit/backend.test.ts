/**
 * Backend choice with tfjs's real backends in Node (wasm, cpu; webgl registers but cannot start
 * here, as in a browser without WebGL). The timings are injected where the pick must be certain;
 * the micro-benchmark itself runs for real. The order matters: a losing backend is removed for
 * the rest of the file, as it is for the rest of the extension's life.
 */
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { startBackend } from '../../src/capture/backend';
import { timeBackendWorkload } from '../../src/capture/backendBenchmark';
import type { BackendName } from '../../src/model/backend';

jest.setTimeout(60_000);

const wasmBaseUrl =
  join(__dirname, '..', '..', 'node_modules', '@tensorflow', 'tfjs-backend-wasm', 'dist') + '/';

/** Fake micro-benchmark: the given ms for each backend, noting what was timed and its give-up limit. */
function timesOf(ms: Partial<Record<BackendName, number>>) {
  const timed: { backend: string; giveUpAboveMs: number }[] = [];
  const time = async (giveUpAboveMs: number) => {
    const backend = tf.getBackend();
    timed.push({ backend, giveUpAboveMs });
    return ms[backend as BackendName] ?? NaN;
  };
  return { time, timed };
}

describe('startBackend', () => {
  it('uses the stored choice as is when it starts, measuring nothing', async () => {
    const { time, timed } = timesOf({});
    await expect(startBackend('cpu', { wasmBaseUrl, time })).resolves.toEqual({ name: 'cpu' });
    expect(tf.getBackend()).toBe('cpu');
    expect(timed).toEqual([]);
  });

  it('falls back to cpu when no candidate starts', async () => {
    const { time } = timesOf({});
    await expect(
      startBackend(undefined, { wasmBaseUrl, time, candidates: ['webgl'], softwareWebgl: () => false }),
    ).resolves.toEqual({ name: 'cpu', measured: {} });
  });

  it('does not race WebGL drawn in software', async () => {
    const { time, timed } = timesOf({ wasm: 5 });
    const report = await startBackend(undefined, {
      wasmBaseUrl,
      time,
      candidates: ['wasm', 'webgl'],
      softwareWebgl: () => true,
    });
    expect(report).toEqual({ name: 'wasm', measured: { wasm: 5 } });
    expect(timed.map((t) => t.backend)).toEqual(['wasm']);
  });

  it('measures again when the stored choice cannot start (e.g. the GPU went away)', async () => {
    const { time } = timesOf({ wasm: 5 });
    const report = await startBackend('webgl', { wasmBaseUrl, time, candidates: ['wasm'] });
    expect(report).toEqual({ name: 'wasm', measured: { wasm: 5 } });
  });

  it('times each candidate, keeps the fastest, gives up early on the hopeless, and removes the loser', async () => {
    const { time, timed } = timesOf({ wasm: 5, cpu: 80 });
    const report = await startBackend(undefined, { wasmBaseUrl, time, candidates: ['wasm', 'cpu'] });
    expect(report).toEqual({ name: 'wasm', measured: { wasm: 5, cpu: 80 } });
    expect(tf.getBackend()).toBe('wasm');
    expect(timed).toEqual([
      { backend: 'wasm', giveUpAboveMs: Infinity },
      { backend: 'cpu', giveUpAboveMs: 15 },
    ]);
    expect(tf.findBackend('cpu')).toBeNull();
  });
});

describe('timeBackendWorkload', () => {
  it('times real convolutions and leaves no tensor behind', async () => {
    const before = tf.memory().numTensors;
    const ms = await timeBackendWorkload(2);
    expect(ms).toBeGreaterThan(0);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('runs once untimed plus `runs` timed, or stops at the first run above the give-up limit', async () => {
    const runsOf = async (work: () => Promise<number>) => {
      const { kernels } = await tf.profile(async () => void (await work()));
      return kernels.filter((kernel) => kernel.name === 'DepthwiseConv2dNative').length;
    };
    expect(await runsOf(() => timeBackendWorkload(3))).toBe(4);
    expect(await runsOf(() => timeBackendWorkload(50, 0))).toBe(2); // every run is above 0 ms
  });
});
