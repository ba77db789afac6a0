import { parseBackendChoice } from '../../src/model/backend';

const browser = 'Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0.0.0';

describe('parseBackendChoice', () => {
  it('gives the stored backend for the browser version it was measured on', () => {
    expect(parseBackendChoice({ name: 'wasm', browser, measured: { wasm: 7, webgl: 200 } }, browser)).toBe(
      'wasm',
    );
  });

  it.each([
    ['nothing stored', undefined],
    ['another browser version', { name: 'wasm', browser: 'Chrome/155.0.0.0', measured: {} }],
    ['an unknown backend', { name: 'webgpu', browser, measured: {} }],
    ['malformed timings', { name: 'wasm', browser, measured: { wasm: 'fast' } }],
    ['timings of an unknown backend', { name: 'wasm', browser, measured: { tpu: 1 } }],
    ['no timings', { name: 'wasm', browser }],
  ])('measures again for %s', (_case, stored) => {
    expect(parseBackendChoice(stored, browser)).toBeUndefined();
  });
});
