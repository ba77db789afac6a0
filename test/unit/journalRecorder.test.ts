import { createJournalRecorder } from '../../src/background/journalRecorder';
import { recommend } from '../../src/shared/catalogue';
import { DEFAULT_JOURNAL_PREFS, JOURNAL_KEY, type JournalEntry } from '../../src/shared/journal';
import { createJournalStore } from '../../src/shared/journalStore';
import { memoryStorage } from './helpers/memoryStorage';

const probabilities = { calm: 0.123, angry: 0.0049, sad: 0.6651, happy: 0.2, surprised: 0.007 };

function setup({ enabled = true, quotaBytes = Infinity } = {}) {
  const area = memoryStorage({ quotaBytes });
  let ids = 0;
  const store = createJournalStore(area, { newId: () => `entry-${++ids}` });
  const recorder = createJournalRecorder({
    loadPrefs: async () => ({ ...DEFAULT_JOURNAL_PREFS, enabled, asked: true }),
    store,
  });
  return { recorder, store, stored: () => (area.data.get(JOURNAL_KEY) ?? []) as JournalEntry[] };
}

describe('journal recorder', () => {
  it('writes nothing while the journal is off', async () => {
    const { recorder, stored } = setup({ enabled: false });
    await expect(recorder.recordCapture(probabilities, recommend('sad', 'music'))).resolves.toBeUndefined();
    await expect(recorder.recordPick(recommend('calm', 'music'))).resolves.toBeUndefined();
    expect(stored()).toEqual([]);
  });

  it('notes a capture: the mood, the rounded probabilities and what was opened, never more', async () => {
    const { recorder, stored } = setup();
    const outcome = await recorder.recordCapture(
      probabilities,
      recommend('sad', 'movies', { strategy: 'lift' }),
    );
    expect(outcome).toEqual({ status: 'saved', entryId: 'entry-1' });
    expect(stored()).toEqual([
      {
        id: 'entry-1',
        time: expect.any(String),
        mood: 'sad',
        source: 'camera',
        probabilities: { calm: 0.12, angry: 0, sad: 0.67, happy: 0.2, surprised: 0.01 },
        media: 'movies',
        provider: 'netflix',
        query: 'feel-good',
      },
    ]);
  });

  it("turns a capture's entry into a corrected one, keeping the camera's reading and dropping old feedback", async () => {
    const { recorder, store, stored } = setup();
    await recorder.recordCapture(probabilities, recommend('sad', 'music'));
    await store.updateEntry('entry-1', { feedback: 'not-for-me' });
    const pick = recommend('calm', 'pictures', { providerId: 'pinterest' });
    const outcome = await recorder.recordPick(pick, 'entry-1');
    expect(outcome).toEqual({ status: 'saved', entryId: 'entry-1' });
    expect(stored()).toEqual([
      expect.objectContaining({
        id: 'entry-1',
        mood: 'calm',
        source: 'corrected',
        probabilities: expect.objectContaining({ sad: 0.67 }),
        media: 'pictures',
        provider: 'pinterest',
        query: pick.query,
      }),
    ]);
    expect(stored()[0]!.feedback).toBeUndefined();
  });

  it('notes a mood picked by hand as manual, also when the entry it would correct is gone', async () => {
    const { recorder, stored } = setup();
    await recorder.recordPick(recommend('happy', 'music'));
    await recorder.recordPick(recommend('angry', 'music'), 'deleted-meanwhile');
    expect(stored().map(({ mood, source, probabilities: p }) => [mood, source, p])).toEqual([
      ['happy', 'manual', null],
      ['angry', 'manual', null],
    ]);
  });

  it('reports a full journal without failing the capture', async () => {
    const { recorder, stored } = setup({ quotaBytes: 10 });
    await expect(recorder.recordCapture(probabilities, recommend('sad', 'music'))).resolves.toEqual({
      status: 'failed',
      error: 'journal-full',
    });
    expect(stored()).toEqual([]);
  });
});
