import { countTicks, dominantMood, localDayKey, moodShares, tallyByDay } from '../../src/ui/charts/chartData';
import type { JournalEntry } from '../../src/journal/journal';
import type { Mood } from '../../src/model/moods';

// A zone with daylight saving, so the days around its change are really tested (Node reads TZ when set).
process.env.TZ = 'Europe/Berlin';

const at = (date: Date, mood: Mood): JournalEntry => ({
  id: `${date.getTime()}-${mood}`,
  time: date.toISOString(),
  mood,
  source: 'camera',
  probabilities: null,
  media: 'music',
  provider: 'spotify',
  query: 'q',
});
const today = new Date(2025, 2, 31, 15, 0); // 31 March 2025, local time

describe('chart data', () => {
  it('counts entries per local day, oldest day first, empty days included', () => {
    const entries = [
      at(new Date(2025, 2, 31, 0, 5), 'happy'),
      at(new Date(2025, 2, 31, 23, 55), 'happy'),
      at(new Date(2025, 2, 31, 9), 'sad'),
      at(new Date(2025, 2, 29, 12), 'calm'),
      at(new Date(2025, 2, 24, 23, 59), 'angry'), // 8 days back: outside the week
    ];
    const week = tallyByDay(entries, 'week', today);
    expect(week.map((day) => day.key)).toEqual([
      '2025-03-25',
      '2025-03-26',
      '2025-03-27',
      '2025-03-28',
      '2025-03-29',
      '2025-03-30',
      '2025-03-31',
    ]);
    expect(week.map((day) => day.total)).toEqual([0, 0, 0, 0, 1, 0, 3]);
    expect(week[6]!.counts).toEqual({ calm: 0, angry: 0, sad: 1, happy: 2, surprised: 0 });
    expect(tallyByDay(entries, 'month', today)).toHaveLength(30);
    expect(tallyByDay(entries, 'month', today).reduce((sum, day) => sum + day.total, 0)).toBe(5);
    expect(tallyByDay(entries, 'year', today)).toHaveLength(365);
  });

  it('steps over a daylight-saving change without skipping or repeating a day', () => {
    // Half past midnight after the change to summer time: 24 hours back is still 29 March.
    const keys = tallyByDay([], 'week', new Date(2025, 2, 31, 0, 30)).map((day) => day.key);
    expect(keys).toEqual([
      '2025-03-25',
      '2025-03-26',
      '2025-03-27',
      '2025-03-28',
      '2025-03-29',
      '2025-03-30',
      '2025-03-31',
    ]);
    expect(localDayKey(new Date(2025, 0, 5, 23, 59))).toBe('2025-01-05');
  });

  it("gives each mood's share of the period, and the day's mood seen most", () => {
    const days = tallyByDay(
      [at(today, 'happy'), at(today, 'happy'), at(today, 'calm'), at(today, 'sad')],
      'week',
      today,
    );
    expect(moodShares(days)).toEqual([
      { mood: 'calm', count: 1, share: 0.25 },
      { mood: 'angry', count: 0, share: 0 },
      { mood: 'sad', count: 1, share: 0.25 },
      { mood: 'happy', count: 2, share: 0.5 },
      { mood: 'surprised', count: 0, share: 0 },
    ]);
    expect(moodShares(tallyByDay([], 'week', today)).every((share) => share.share === 0)).toBe(true);
    expect(dominantMood(days[6]!.counts)).toBe('happy');
    expect(dominantMood(days[0]!.counts)).toBeUndefined();
  });
});

describe('countTicks', () => {
  it('steps in whole, round numbers up to a top at or above the most, four steps at most', () => {
    expect(countTicks(0)).toEqual([0, 1]);
    expect(countTicks(3)).toEqual([0, 1, 2, 3]);
    expect(countTicks(7)).toEqual([0, 2, 4, 6, 8]);
    expect(countTicks(13)).toEqual([0, 5, 10, 15]);
    expect(countTicks(40)).toEqual([0, 10, 20, 30, 40]);
  });
});
