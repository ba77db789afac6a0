import { createCaptureController } from '../../src/background/captureController';
import { createJournalRecorder } from '../../src/journal/journalRecorder';
import { createRecommender } from '../../src/background/recommender';
import { seededRandom } from '../../src/recommendation/bandit';
import { armsFor, recommendationFor } from '../../src/recommendation/catalogue';
import { DEFAULT_JOURNAL_PREFS } from '../../src/journal/journal';
import { openStoredState } from '../../src/storage/registry';
import { journalIn, journalKeys } from './helpers/journalStorage';
import { createJournalStore } from '../../src/journal/journalStore';
import { EMPTY_MAPPING } from '../../src/recommendation/mapping';
import type { Mood } from '../../src/model/moods';
import type { MediaKind } from '../../src/recommendation/media';
import { NO_OFFSETS } from '../../src/recommendation/personalFit';
import { pickRefOf, type Pick, type PickSource } from '../../src/recommendation/picks';
import { createRecommendationEvents } from '../../src/recommendation/recommendationEvents';
import { DEFAULT_SETTINGS } from '../../src/recommendation/settings';
import { memoryStorage } from './helpers/memoryStorage';

const probabilities = { calm: 0.123, angry: 0.0049, sad: 0.6651, happy: 0.2, surprised: 0.007 };
const ROUNDED = { calm: 0.12, angry: 0, sad: 0.67, happy: 0.2, surprised: 0.01 };

let picks = 0;
function pickOf(mood: Mood, source: PickSource, captureId?: string, media: MediaKind = 'music'): Pick {
  const providerId = media === 'pictures' ? 'pinterest' : media === 'movies' ? 'netflix' : 'spotify';
  const arm = armsFor(mood, media, 'match', providerId)[0]!;
  return {
    ...recommendationFor(arm, mood, media, 'match'),
    id: `pick-${++picks}`,
    source,
    ...(captureId ? { captureId } : {}),
  };
}

function setup({ enabled = true, quotaBytes = Infinity } = {}) {
  const area = memoryStorage({ quotaBytes });
  let ids = 0;
  const store = createJournalStore(openStoredState(area), { newId: () => `entry-${++ids}` });
  const journal = createJournalRecorder({
    loadPrefs: async () => ({ ...DEFAULT_JOURNAL_PREFS, enabled, asked: true }),
    store,
  });
  const events = createRecommendationEvents();
  events.subscribe(journal.listener);
  const stored = () => journalIn((key) => area.data.get(key));
  return { journal, events, store, area, stored };
}

describe('journal recorder (a recommendation-events listener)', () => {
  it('writes nothing while the journal is off, and reports nothing', async () => {
    const { journal, events, stored } = setup({ enabled: false });
    const pick = pickOf('sad', 'camera', 'capture-1');
    await events.emit('picked', { pick, at: 1, reading: probabilities });
    await events.emit('feedback', { pick: pickRefOf(pick), verdict: 'good-pick', at: 2 });
    expect(stored()).toEqual([]);
    expect(journal.takeOutcome(pick.id)).toBeUndefined();
  });

  it("notes a capture's tab under the capture's id: the mood, the rounded reading and what opened, never more", async () => {
    const { journal, events, stored } = setup();
    const pick = pickOf('sad', 'camera', 'capture-1', 'movies');
    await events.emit('picked', { pick, at: 1, reading: probabilities });
    expect(stored()).toEqual([
      {
        id: 'capture-1',
        time: expect.any(String),
        mood: 'sad',
        source: 'camera',
        probabilities: ROUNDED,
        media: 'movies',
        provider: 'netflix',
        query: pick.query,
      },
    ]);
    expect(journal.takeOutcome(pick.id)).toEqual({ status: 'saved', entryId: 'capture-1' });
    expect(journal.takeOutcome(pick.id)).toBeUndefined(); // handed out once
  });

  it("turns a capture's entry into a corrected one, keeping the camera's reading and dropping old feedback", async () => {
    const { events, stored } = setup();
    const shown = pickOf('sad', 'camera', 'capture-1');
    await events.emit('picked', { pick: shown, at: 1, reading: probabilities });
    await events.emit('feedback', { pick: pickRefOf(shown), verdict: 'not-for-me', at: 2 });
    expect(stored()[0]!.feedback).toBe('not-for-me');
    const corrected = pickOf('calm', 'corrected', 'capture-1', 'pictures');
    await events.emit('picked', { pick: corrected, at: 3, reading: probabilities });
    expect(stored()).toEqual([
      expect.objectContaining({
        id: 'capture-1',
        mood: 'calm',
        source: 'corrected',
        probabilities: ROUNDED,
        media: 'pictures',
        provider: 'pinterest',
        query: corrected.query,
      }),
    ]);
    expect(stored()[0]!.feedback).toBeUndefined();
  });

  it('notes a choice between two moods, and a correction whose entry is gone, with the reading the popup sent', async () => {
    const { events, stored } = setup();
    await events.emit('picked', {
      pick: pickOf('calm', 'chosen', 'capture-1'),
      at: 1,
      reading: probabilities,
    });
    await events.emit('picked', {
      pick: pickOf('sad', 'corrected', 'capture-2'),
      at: 2,
      reading: probabilities,
    });
    expect(stored().map(({ id, mood, source, probabilities: p }) => [id, mood, source, p])).toEqual([
      ['capture-1', 'calm', 'chosen', ROUNDED],
      ['capture-2', 'sad', 'corrected', ROUNDED],
    ]);
  });

  it("notes a mood picked without a capture as manual, under the pick's own id, without a reading", async () => {
    const { events, stored } = setup();
    const pick = pickOf('happy', 'manual');
    await events.emit('picked', { pick, at: 1 });
    expect(stored()).toEqual([
      expect.objectContaining({ id: pick.id, source: 'manual', probabilities: null }),
    ]);
  });

  it('keeps "Good pick" / "Not for me" on the entry of the pick, and reports when that entry is gone', async () => {
    const { journal, events, store, stored } = setup();
    const manual = pickOf('happy', 'manual');
    await events.emit('picked', { pick: manual, at: 1 });
    journal.takeOutcome(manual.id);
    await events.emit('feedback', { pick: pickRefOf(manual), verdict: 'good-pick', at: 2 });
    expect(stored()[0]!.feedback).toBe('good-pick');
    expect(journal.takeOutcome(manual.id)).toEqual({ status: 'saved', entryId: manual.id });
    await events.emit('feedback', {
      pick: pickRefOf(manual),
      verdict: 'not-for-me',
      replaces: 'good-pick',
      at: 3,
    });
    expect(stored()[0]!.feedback).toBe('not-for-me');
    await store.deleteAll();
    journal.takeOutcome(manual.id);
    await events.emit('feedback', { pick: pickRefOf(manual), verdict: 'good-pick', at: 4 });
    expect(stored()).toEqual([]);
    expect(journal.takeOutcome(manual.id)).toBeUndefined();
  });

  it('reports a full journal without failing the event (the bandit still learns)', async () => {
    const { journal, events, stored } = setup({ quotaBytes: 10 });
    const pick = pickOf('sad', 'camera', 'capture-1');
    await expect(events.emit('picked', { pick, at: 1, reading: probabilities })).resolves.toBeUndefined();
    expect(journal.takeOutcome(pick.id)).toEqual({ status: 'failed', error: 'journal-full' });
    expect(stored()).toEqual([]);
  });
});

describe('the journal through the capture flow', () => {
  it('a capture, its correction and feedback on the new tab land on one entry', async () => {
    const { journal, events, area, stored } = setup();
    let ids = 0;
    const newId = () => `id-${++ids}`;
    const controller = createCaptureController({
      host: {
        warmUp: jest.fn(),
        recognize: jest.fn(async () => ({
          result: {
            mood: 'sad' as const,
            probabilities,
            faces: 1,
            face: { box: { x: 0, y: 0, width: 100, height: 100 }, crop: [] },
            frames: 3,
            timings: {},
          },
          cameraReleased: true,
          backend: { name: 'wasm' as const },
          timings: {},
          tensors: 0,
        })),
      },
      recommender: createRecommender({
        loadMapping: async () => EMPTY_MAPPING,
        loadBandit: async () => ({}),
        random: seededRandom(1),
        newId,
        openTab: async () => undefined,
      }),
      events,
      loadSettings: async () => DEFAULT_SETTINGS,
      loadAdjustment: async () => NO_OFFSETS,
      loadBackendChoice: async () => undefined,
      saveBackendChoice: async () => undefined,
      cameraPermission: async () => 'granted',
      openPermissionPage: async () => undefined,
      notifyStage: () => undefined,
      newId,
    });

    const outcome = await controller.capture(DEFAULT_SETTINGS);
    expect(journal.takeOutcome(outcome.pick!.id)).toEqual({ status: 'saved', entryId: outcome.captureId });
    const pick = await controller.openFor('calm', DEFAULT_SETTINGS, {
      capture: { id: outcome.captureId, camera: 'sad', shown: 'sad', probabilities },
    });
    expect(journal.takeOutcome(pick.id)).toEqual({ status: 'saved', entryId: outcome.captureId });
    await controller.feedback(pickRefOf(pick), 'good-pick');
    expect(stored()).toEqual([
      {
        id: outcome.captureId,
        time: expect.any(String),
        mood: 'calm',
        source: 'corrected',
        probabilities: ROUNDED,
        media: 'music',
        provider: pick.provider.id,
        query: pick.query,
        feedback: 'good-pick',
      },
    ]);
    // The journal only, its month and the index: no image, no other key.
    expect(journalKeys(area.data.keys())).toEqual([...area.data.keys()].sort());
    expect(area.data.size).toBe(2);
  });
});
