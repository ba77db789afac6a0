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

const isTimes = (value: unknown): value is BackendTimes =>
  typeof value === 'object' &&
  value !== null &&
  Object.entries(value).every(([name, ms]) => isBackendName(name) && typeof ms === 'number' && ms >= 0);

/** What storage held, when it is a well-formed choice (of any browser version). */
export function readBackendChoice(raw: unknown): StoredBackendChoice | undefined {
  const value = (typeof raw === 'object' && raw !== null ? raw : {}) as Partial<StoredBackendChoice>;
  return isBackendName(value.name) && typeof value.browser === 'string' && isTimes(value.measured)
    ? { name: value.name, browser: value.browser, measured: value.measured }
    : undefined;
}

/** The stored choice's backend; anything malformed, or made on another browser version, is no choice. */
export function parseBackendChoice(raw: unknown, browser: string): BackendName | undefined {
  const choice = readBackendChoice(raw);
  return choice?.browser === browser ? choice.name : undefined;
}
