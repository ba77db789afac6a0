/**
 * A stand-in for src/platform/browserApi in the jsdom page tests: storage.local is an in-memory
 * map whose writes reach every watcher (as storage.onChanged does), the rest are jest mocks that
 * a test can inspect or override. Use it as
 *   jest.mock('../../src/platform/browserApi', () => jest.requireActual(...fakeBrowserApi).fakeBrowserApi());
 */
import type { CameraPermission } from '../../../src/platform/browserApi';
import type { StorageBackend } from '../../../src/storage/backend';
import { fakeLocks } from './locks';

export const stored = new Map<string, unknown>();
/** storage.local hands back copies of JSON-like values (jsdom has no structuredClone). */
const copy = <T>(value: T): T => (value === undefined ? value : JSON.parse(JSON.stringify(value)));
const watchers = new Map<string, Set<(value: unknown) => void>>();

function write(key: string, value: unknown): void {
  stored.set(key, copy(value));
  watchers.get(key)?.forEach((listener) => listener(copy(value)));
}

const fakes: [jest.Mock, (...args: never[]) => unknown][] = [];
/** A jest mock that resetFakes() brings back to `implementation`. */
function fake<A extends unknown[], R>(implementation: (...args: A) => R): jest.Mock<R, A> {
  const mock = jest.fn(implementation);
  fakes.push([mock as jest.Mock, implementation as (...args: never[]) => unknown]);
  return mock;
}

/** Before each test: storage holds `items` only, and every mock has its calls cleared and its fake behaviour back. */
export function resetFakes(items: Record<string, unknown> = {}): void {
  stored.clear();
  watchers.clear();
  for (const [key, value] of Object.entries(items)) stored.set(key, copy(value));
  for (const [mock, implementation] of fakes) mock.mockReset().mockImplementation(implementation);
}

export function fakeBrowserApi() {
  const api = {
    extensionIdentity: fake(() => ({ id: 'moodtab-id', origin: 'chrome-extension://moodtab-id/' })),
    extensionUrl: fake((path: string) => `chrome-extension://moodtab-id/${path}`),
    loadStored: fake(async (key: string) => copy(stored.get(key))),
    saveStored: fake(async (key: string, value: unknown) => write(key, value)),
    saveAllStored: fake(async (values: Record<string, unknown>) => {
      for (const [key, value] of Object.entries(values)) write(key, value);
    }),
    removeStored: fake(async (key: string) => {
      stored.delete(key);
      watchers.get(key)?.forEach((listener) => listener(undefined));
    }),
    watchStored: fake((key: string, listener: (value: unknown) => void) => {
      const set = watchers.get(key) ?? new Set();
      watchers.set(key, set.add(listener));
      return () => set.delete(listener);
    }),
    sendRequest: fake(async (_message: unknown): Promise<unknown> => undefined),
    onMessage: fake(() => () => undefined),
    holdCapturePort: fake((_id: string) => () => undefined),
    openTab: fake(async () => undefined),
    showTab: fake(async (_tabId: number) => undefined),
    openOptionsPage: fake(async () => undefined),
    openOrFocusTab: fake(async (_url: string, _section?: string) => undefined),
    openCameraSettings: fake(async () => undefined),
    openShortcutSettings: fake(async () => undefined),
    captureShortcut: fake(async () => 'Alt+Shift+M'),
    isFirefox: fake(() => false),
    // Chrome: an offscreen document hosts the capture page (Firefox's popup embeds it instead).
    hasOffscreenDocuments: fake(() => true),
    // A camera is plugged in (what enumerateDevices lists); a test unplugs it with mockResolvedValue(false).
    hasCamera: fake(async (): Promise<boolean | undefined> => true),
    watchCameraPermission: fake(async (listener: (state: CameraPermission) => void) => listener('prompt')),
    // What the browser reports after the welcome page's camera prompt: a remembered grant.
    cameraPermissionState: fake(async (): Promise<CameraPermission> => 'granted'),
    // The optional host permission for Deezer previews: not held until a test grants it.
    hasHostPermission: fake(async (_origins: string[]) => false),
    requestHostPermission: fake(async (_origins: string[]) => false),
    removeHostPermission: fake(async (_origins: string[]) => true),
  };
  // The registry's backend goes through the mocks above, so a test sees (and may override) each write.
  const storageArea: StorageBackend = {
    load: (key) => api.loadStored(key),
    save: (key, value) => api.saveStored(key, value),
    saveAll: (values) => api.saveAllStored(values),
    remove: (key) => api.removeStored(key),
    watch: (key, listener) => api.watchStored(key, listener),
    exclusive: fakeLocks().exclusive,
  };
  return { ...api, storageArea };
}
