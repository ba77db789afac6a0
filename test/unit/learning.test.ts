import { banditLearner, calibrationLearner } from '../../src/background/learning';
import { armKey, contextKey } from '../../src/recommendation/bandit';
import type { StorageBackend } from '../../src/storage/backend';
import { BANDIT_KEY, CALIBRATION_KEY, openStoredState } from '../../src/storage/registry';
import { storedValue } from '../../src/storage/storedValue';
import { fakeLocks } from './helpers/locks';
import { parseCalibration } from '../../src/recommendation/personalCalibration';
import { createRecommendationEvents } from '../../src/recommendation/recommendationEvents';

/** storage.local in memory, each read and write a little later, as the real one is. */
function memoryStorage(): StorageBackend & { data: Record<string, unknown> } {
  const data: Record<string, unknown> = {};
  const later = () => new Promise((resolve) => setTimeout(resolve, 1));
  return {
    data,
    load: async (key) => (await later(), structuredClone(data[key])),
    save: async (key, value) => {
      await later();
      data[key] = structuredClone(value);
    },
    saveAll: async (values) => {
      await later();
      Object.assign(data, structuredClone(values));
    },
    remove: async (key) => void delete data[key],
    watch: () => () => undefined,
    exclusive: fakeLocks().exclusive,
  };
}

/** A number kept under `n`: 0 until written. */
const counter = (storage: StorageBackend) =>
  storedValue(storage, {
    key: 'n',
    owner: 'model',
    parse: (raw) => (typeof raw === 'number' ? raw : 0),
    initial: 0,
  });

const pick = {
  id: 'p1',
  mood: 'sad' as const,
  media: 'music' as const,
  strategy: 'match' as const,
  providerId: 'spotify',
  query: 'sad songs',
};
const probabilities = { calm: 0.1, angry: 0.05, sad: 0.7, happy: 0.1, surprised: 0.05 };

describe('stores', () => {
  it('run updates one after another, so quick ones never lose each other', async () => {
    const storage = memoryStorage();
    const store = counter(storage);
    await Promise.all(Array.from({ length: 10 }, () => store.update((n) => n + 1)));
    expect(storage.data.n).toBe(10);
  });

  it('a failed update is reported to its caller and does not block the next', async () => {
    const storage = memoryStorage();
    const store = counter(storage);
    const failed = store.update(() => {
      throw new Error('bad change');
    });
    const next = store.update((n) => n + 1);
    await expect(failed).rejects.toThrow('bad change');
    await next;
    expect(storage.data.n).toBe(1);
  });
});

describe('learning from events', () => {
  function setup() {
    const storage = memoryStorage();
    const events = createRecommendationEvents();
    const stored = openStoredState(storage);
    events.subscribe(banditLearner(stored.bandit));
    events.subscribe(calibrationLearner(stored.personalCalibration));
    return { storage, events };
  }

  it("feedback rates the pick's arm in its context; a changed mind moves the rating", async () => {
    const { storage, events } = setup();
    await events.emit('feedback', { pick, verdict: 'good-pick', at: 1 });
    await events.emit('feedback', { pick, verdict: 'not-for-me', replaces: 'good-pick', at: 2 });
    expect(storage.data[BANDIT_KEY]).toEqual({
      [contextKey('sad', 'music', 'match')]: { [armKey('spotify', 'sad songs')]: { good: 0, bad: 1 } },
    });
  });

  it('a capture that opened is kept as (reading, shown); a correction moves it; one that asked waits for its answer', async () => {
    const { storage, events } = setup();
    const captured = {
      at: 1,
      camera: { mood: 'happy' as const, probabilities },
      adjusted: { mood: 'happy' as const, probabilities },
    };
    await events.emit('captured', { ...captured, captureId: 'c1', shown: 'happy' });
    await events.emit('corrected', { captureId: 'c1', at: 2, camera: 'happy', from: 'happy', to: 'sad' });
    await events.emit('captured', { ...captured, captureId: 'c2', unsure: ['happy', 'calm'] });
    const moods = () =>
      parseCalibration(storage.data[CALIBRATION_KEY]).examples.map(({ id, mood }) => [id, mood]);
    expect(moods()).toEqual([
      ['c1', 'sad'],
      ['c2', null],
    ]);
    await events.emit('corrected', { captureId: 'c2', at: 3, camera: 'happy', to: 'calm' });
    expect(moods()).toEqual([
      ['c1', 'sad'],
      ['c2', 'calm'],
    ]);
  });
});
