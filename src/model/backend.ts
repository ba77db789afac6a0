/**
 * Which tfjs backend the capture engine runs on. It is chosen by measurement (a micro-benchmark
 * at the first warm-up) and the choice is kept per browser version, so it is measured once.
 */
export const BACKEND_NAMES = ['webgl', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKEND_NAMES)[number];

export const isBackendName = (value: unknown): value is BackendName =>
  BACKEND_NAMES.includes(value as BackendName);

/** Milliseconds per run of the micro-benchmark, per backend that started. */
export type BackendTimes = Partial<Record<BackendName, number>>;

/** What the capture engine reports about the backend it runs on. */
export interface BackendReport {
  name: BackendName;
  /** Present when this load measured the candidates (no usable stored choice). */
  measured?: BackendTimes;
}

/** Kept in storage.local: the measured choice, valid only for the browser version it was made on. */
export interface StoredBackendChoice {
  name: BackendName;
  browser: string;
  measured: BackendTimes;
}

export const BACKEND_CHOICE_KEY = 'backendChoice';

const isTimes = (value: unknown): value is BackendTimes =>
  typeof value === 'object' &&
  value !== null &&
  Object.entries(value).every(([name, ms]) => isBackendName(name) && typeof ms === 'number' && ms >= 0);

/** Reads what storage held; anything malformed, or made on another browser version, is no choice. */
export function parseBackendChoice(raw: unknown, browser: string): BackendName | undefined {
  const value = (typeof raw === 'object' && raw !== null ? raw : {}) as Partial<StoredBackendChoice>;
  return isBackendName(value.name) && value.browser === browser && isTimes(value.measured)
    ? value.name
    : undefined;
}
