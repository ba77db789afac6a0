/**
 * The mood-patterns report (src/journal/patterns) on synthetic journals: what raises a flag and
 * what does not, enough data, corrections, the user's own days, the change against the period
 * before, what lifted the user, and the memory of flags seen.
 */
import { openStoredState } from '../../src/storage/registry';
import { createJournalRecorder } from '../../src/journal/journalRecorder';
import {
  buildReport,
  isNewFlag,
  LOW_MIN_DAYS,
  markSeen,
  MIN_DAYS_WITH_ENTRIES,
  newFlags,
  parseSeenFlags,
  patternText,
  type Flag,
  type PatternFormat,
  type PatternReport,
} from '../../src/journal/patterns';
import { armsFor, recommendationFor } from '../../src/recommendation/catalogue';
import { formatMessage, type MessageCatalogue } from '../../src/common/i18n';
import { DEFAULT_JOURNAL_PREFS, type JournalEntry } from '../../src/journal/journal';
import { createJournalStore } from '../../src/journal/journalStore';
import type { Mood } from '../../src/model/moods';
import type { MediaKind } from '../../src/recommendation/media';
import { pickRefOf, type Pick, type PickSource } from '../../src/recommendation/picks';
import { createRecommendationEvents } from '../../src/recommendation/recommendationEvents';
import { CATALOGUES } from './helpers/i18n';
import { memoryStorage } from './helpers/memoryStorage';
import { dayPlus, days, entry, localTime, repeat } from './helpers/syntheticJournal';

/** 23:00 UTC on Sunday 30 March 2025: a 30-day period in UTC runs from 1 to 30 March. */
const NOW = new Date('2025-03-30T23:00:00Z');
const MARCH = '2025-03-01';
const report = (entries: readonly JournalEntry[], days = 30, timeZone = 'UTC', now = NOW): PatternReport =>
  buildReport(entries, { days, now, timeZone });
const codes = (r: PatternReport) => r.flags.map((flag) => flag.code);
const formatIn = (locale: string): PatternFormat => ({
  t: (key, ...subs) => formatMessage(CATALOGUES[locale] as MessageCatalogue, key, subs),
  locale,
  providerName: (id) => (id === 'spotify' ? 'Spotify' : id),
});
const english = (message: Parameters<typeof patternText>[0]) => patternText(message, formatIn('en'));

const LOW_DAY: Mood[] = ['sad', 'sad', 'calm'];
const CALM_DAY: Mood[] = ['calm', 'happy', 'calm'];
/** Two weeks with sad the main mood on 11 days: runs of 4, 3, 3 and 1 between calm days. */
const MOSTLY_SAD_FORTNIGHT = [
  ...repeat(4, LOW_DAY),
  CALM_DAY,
  ...repeat(3, LOW_DAY),
  CALM_DAY,
  ...repeat(3, LOW_DAY),
  CALM_DAY,
  LOW_DAY,
];

describe('mood patterns: flags', () => {
  it('raises nothing for steady moods, and says what it saw', () => {
    const r = report(days(MARCH, repeat(30, CALM_DAY)));
    expect(r).toMatchObject({
      entries: 90,
      daysWithEntries: 30,
      insufficientData: null,
      flags: [],
      supportNote: null,
    });
    expect(r.longestLowRun).toBeNull();
    expect(r.swings).toMatchObject({ mssd: 1, pairs: 60, largeChanges: 0, mixedDays: 0, daysWithPairs: 30 });
    expect(r.findings.map(({ code }) => code)).toEqual(['main-mood']);
    expect(english(r.findings[0]!.message)).toBe('Mood seen most: calm, in 60 of 90 entries (67%).');
  });

  it('raises persistent-low-mood for two weeks of mostly sad days, with its numbers and a support note', () => {
    const r = report(days(MARCH, [...repeat(16, CALM_DAY), ...MOSTLY_SAD_FORTNIGHT]));
    expect(codes(r)).toEqual(['persistent-low-mood']);
    const [flag] = r.flags;
    expect(flag).toMatchObject({
      evidence: {
        lowDays: 11,
        stretchDays: 14,
        daysWithEntries: 14,
        lowDaysInPeriod: 11,
        daysWithEntriesInPeriod: 30,
        longestLowRun: 4,
      },
      episode: { start: '2025-03-17', end: '2025-03-30' },
      fingerprint: 'persistent-low-mood@2025-03-17',
    });
    expect(english(flag!.message)).toBe(
      'Sad or angry has come up a lot lately: it was the mood seen most on 11 of the 14 days from Mar 17 to Mar 30.',
    );
    expect(flag!.details.map(english)).toEqual([
      'Days with sad or angry as the mood seen most in this period: 11 of 30 days with entries.',
      'Most days in a row with sad or angry as the mood seen most: 4 (Mar 17 to Mar 20).',
    ]);
    expect(r.supportNote!.link.url).toBe('https://findahelpline.com');
    expect([...r.supportNote!.messages, r.supportNote!.link.label].map(english)).toEqual([
      'A camera reading of your face is not a measure of how you feel: only you know that.',
      'If this matches how things have been for you, talking to someone you trust, or to a professional, can help.',
      'Find a helpline near you (findahelpline.com)',
    ]);
  });

  it('needs sad or angry as the main mood on more than half of the 14 days: 8, not 7; angry counts too', () => {
    expect(LOW_MIN_DAYS).toBe(8);
    // 7 low days, spread out, and 7 calm ones; then 8.
    const seven = Array.from({ length: 14 }, (_, i) => (i % 2 === 0 ? ['angry' as Mood] : CALM_DAY));
    expect(codes(report(days('2025-03-17', seven)))).toEqual([]);
    expect(codes(report(days('2025-03-17', [...seven.slice(0, 13), ['angry' as Mood]])))).toEqual([
      'persistent-low-mood',
    ]);
  });

  it('counts a day of one sad and one happy entry as low (ties go to the lower mood), and a day without entries never', () => {
    const r = report(
      days('2025-03-24', [
        ['happy', 'sad'],
        null,
        ['sad', 'calm', 'happy'],
        ['sad', 'sad', 'happy', 'happy', 'calm'],
      ]),
    );
    expect(r.days.slice(-7).map(({ main, low }) => [main, low])).toEqual([
      ['sad', true],
      [null, false],
      ['sad', true],
      ['sad', true],
      [null, false],
      [null, false],
      [null, false],
    ]);
  });

  it('raises mood-swings for three weeks of days that swing between sad and happy', () => {
    const r = report(days('2025-03-10', repeat(21, ['happy', 'sad', 'happy'] as Mood[])));
    expect(codes(r)).toEqual(['mood-swings']);
    expect(r.flags[0]).toMatchObject({
      evidence: { mssd: 4, pairs: 42, largeChanges: 42, mixedDays: 21, daysWithPairs: 21, spanDays: 21 },
      episode: { start: '2025-03-10', end: '2025-03-30' },
      fingerprint: 'mood-swings@2025-03-10',
    });
    expect(english(r.flags[0]!.message)).toBe(
      'Your readings have often changed a lot within a day: on 21 of 21 days with more than one entry, both sad or angry and happy came up.',
    );
    expect(r.flags[0]!.details.map(english)).toEqual([
      'Swing score (the mean squared difference between readings in a row within a day; sad or angry −1, calm and surprised 0, happy +1): 4, from 42 pairs of entries in a row. Moodtab notes it from 1.',
      'Changes straight between sad or angry and happy: 42 of 42 (100%).',
    ]);
    expect(r.supportNote).not.toBeNull();
  });

  it('raises no mood-swings from two weeks of swings, from small steps, nor in a 7-day report', () => {
    const swinging = repeat(14, ['happy', 'sad', 'happy'] as Mood[]);
    expect(codes(report(days('2025-03-17', swinging)))).toEqual([]);
    // A whole step every time (MSSD 1), but never between sad and happy.
    expect(codes(report(days('2025-03-10', repeat(21, ['calm', 'sad', 'calm'] as Mood[]))))).toEqual([]);
    // Swings on only a few of the days with two entries or more.
    const rare = Array.from(
      { length: 21 },
      (_, i) => (i % 4 === 0 ? ['happy', 'sad', 'happy'] : ['calm', 'calm']) as Mood[],
    );
    expect(report(days('2025-03-10', rare)).swings.mixedDays).toBe(6);
    expect(codes(report(days('2025-03-10', rare)))).toEqual([]);
    const week = report(days('2025-03-24', repeat(7, ['happy', 'sad', 'happy'] as Mood[])), 7);
    expect(week.insufficientData).toBeNull();
    expect(codes(week)).toEqual([]);
  });

  it('raises nothing from a handful of entries, and says why: days so far against days needed', () => {
    const r = report(days('2025-03-26', repeat(3, ['sad', 'sad', 'angry', 'sad'] as Mood[])));
    expect(r).toMatchObject({
      entries: 12,
      daysWithEntries: 3,
      insufficientData: { daysWithEntries: 3, daysNeeded: MIN_DAYS_WITH_ENTRIES },
      flags: [],
      supportNote: null,
    });
    expect(r.findings).toEqual([
      {
        code: 'insufficient-data',
        evidence: { daysWithEntries: 3, daysNeeded: 7 },
        message: {
          key: 'patterns_insufficientData',
          args: [
            { kind: 'count', value: 7 },
            { kind: 'count', value: 3 },
          ],
        },
      },
    ]);
    expect(english(r.findings[0]!.message)).toBe(
      'Not enough entries yet to look for patterns: that takes entries on 7 different days in this period, and so far there are entries on 3.',
    );
    // Many entries on six days are still six days.
    expect(report(days('2025-03-25', repeat(6, repeat(5, 'sad' as Mood)))).insufficientData).toEqual({
      daysWithEntries: 6,
      daysNeeded: 7,
    });
  });
});

describe('mood patterns: corrections count as the mood chosen', () => {
  let picks = 0;
  function pickOf(mood: Mood, source: PickSource, captureId: string, media: MediaKind = 'music'): Pick {
    const arm = armsFor(mood, media, 'lift', 'spotify')[0]!;
    return { ...recommendationFor(arm, mood, media, 'lift'), id: `pick-${++picks}`, source, captureId };
  }
  const reading = (mood: Mood) => ({
    calm: 0.05,
    angry: 0.05,
    sad: 0.05,
    happy: 0.05,
    surprised: 0.05,
    [mood]: 0.8,
  });

  /** Fourteen days of captures the camera read as `read` and the user corrected to `chosen`, through the real recorder. */
  async function corrected(read: Mood, chosen: Mood, feedback = false): Promise<JournalEntry[]> {
    let clock = new Date();
    const store = createJournalStore(openStoredState(memoryStorage()), { now: () => clock });
    const recorder = createJournalRecorder({
      loadPrefs: async () => ({ ...DEFAULT_JOURNAL_PREFS, enabled: true, asked: true }),
      store,
    });
    const events = createRecommendationEvents();
    events.subscribe(recorder.listener);
    for (let i = 0; i < 14; i++) {
      clock = new Date(`${dayPlus('2025-03-17', i)}T10:00:00Z`);
      const captureId = `capture-${i}`;
      await events.emit('picked', { pick: pickOf(read, 'camera', captureId), at: 1, reading: reading(read) });
      const correction = pickOf(chosen, 'corrected', captureId);
      await events.emit('picked', { pick: correction, at: 2, reading: reading(read) });
      if (feedback)
        await events.emit('feedback', { pick: pickRefOf(correction), verdict: 'good-pick', at: 3 });
    }
    return store.listEntries();
  }

  it('a reading of sad corrected to calm is calm: no low days, no flag', async () => {
    const entries = await corrected('sad', 'calm');
    expect(entries).toHaveLength(14);
    expect(entries[0]).toMatchObject({ mood: 'calm', source: 'corrected', probabilities: { sad: 0.8 } });
    const r = report(entries);
    expect(r.moods.find(({ mood }) => mood === 'calm')!.count).toBe(14);
    expect(r.moods.find(({ mood }) => mood === 'sad')!.count).toBe(0);
    expect(codes(r)).toEqual([]);
  });

  it('a reading of happy corrected to sad is sad: the flag, and the feedback on the corrected tab', async () => {
    const r = report(await corrected('happy', 'sad', true));
    expect(codes(r)).toEqual(['persistent-low-mood']);
    expect(r.flags[0]!.evidence).toMatchObject({ lowDays: 14, longestLowRun: 14 });
    expect(r.lifted).toMatchObject({
      lowEntries: 14,
      rated: 14,
      good: 14,
      media: [{ media: 'music', good: 14, rated: 14 }],
    });
  });
});

describe("mood patterns: the user's own days", () => {
  it('counts an entry on its local day, hour and weekday, not on the UTC ones (UTC+9 and UTC-7)', () => {
    // 00:30 on Monday 10 March in Tokyo is 15:30 on Sunday 9 March in UTC.
    const tokyo = entry(localTime('2025-03-10', '00:30', '+09:00'), 'sad');
    expect(tokyo.time).toBe('2025-03-09T15:30:00.000Z');
    // 23:30 on Thursday 20 March in Los Angeles (daylight time, UTC-7) is 06:30 on Friday 21 March in UTC.
    const losAngeles = entry(localTime('2025-03-20', '23:30', '-07:00'), 'happy');
    const dayOf = (r: PatternReport, mood: Mood) => r.days.find((day) => day.counts[mood] > 0)!.day;
    const inZone = (timeZone: string) => report([tokyo, losAngeles], 30, timeZone);
    expect(dayOf(inZone('Asia/Tokyo'), 'sad')).toBe('2025-03-10');
    expect(dayOf(inZone('UTC'), 'sad')).toBe('2025-03-09');
    expect(dayOf(inZone('America/Los_Angeles'), 'happy')).toBe('2025-03-20');
    expect(dayOf(inZone('UTC'), 'happy')).toBe('2025-03-21');
    expect(inZone('Asia/Tokyo').timeOfDay.find(({ bucket }) => bucket === 'night')!.entries).toBe(1);
    expect(inZone('Asia/Tokyo').weekdays[1]!.entries).toBe(1);
    expect(inZone('UTC').weekdays[0]!.entries).toBe(1);
  });

  it("ends the period with the user's today: the same instant is 31 March in Tokyo", () => {
    expect(report([], 7, 'Asia/Tokyo').period).toEqual({
      days: 7,
      start: '2025-03-25',
      end: '2025-03-31',
      timeZone: 'Asia/Tokyo',
    });
    expect(report([], 7, 'America/Los_Angeles').period).toMatchObject({
      start: '2025-03-24',
      end: '2025-03-30',
    });
    expect(report([], 30).previous).toMatchObject({ start: '2025-01-30', end: '2025-02-28' });
  });

  it('keeps every calendar day across daylight-saving changes (New York in spring, Berlin in autumn)', () => {
    // 9 March 2025: New York's clocks go from 2:00 to 3:00, a day of 23 hours.
    const spring = [
      entry(localTime('2025-03-09', '00:30', '-05:00'), 'sad'),
      entry(localTime('2025-03-09', '23:30', '-04:00'), 'sad'),
      entry(localTime('2025-03-10', '00:30', '-04:00'), 'happy'),
    ];
    const ny = report(spring, 7, 'America/New_York', new Date(localTime('2025-03-12', '09:00', '-04:00')));
    expect(ny.days.map(({ day }) => day)).toEqual(
      Array.from({ length: 7 }, (_, i) => dayPlus('2025-03-06', i)),
    );
    expect(ny.days[3]).toMatchObject({ day: '2025-03-09', entries: 2, main: 'sad', weekday: 0 });
    expect(ny.days[4]).toMatchObject({ day: '2025-03-10', entries: 1, main: 'happy' });
    // 26 October 2025: Berlin's clocks go from 3:00 back to 2:00, a day of 25 hours.
    const autumn = [
      entry(localTime('2025-10-26', '00:30', '+02:00'), 'calm'),
      entry(localTime('2025-10-26', '23:30', '+01:00'), 'calm'),
    ];
    const berlin = report(autumn, 3, 'Europe/Berlin', new Date(localTime('2025-10-27', '00:30', '+01:00')));
    expect(berlin.days.map(({ day, entries }) => [day, entries])).toEqual([
      ['2025-10-25', 0],
      ['2025-10-26', 2],
      ['2025-10-27', 0],
    ]);
  });

  it('leaves out entries after now and before the period before', () => {
    const r = report([
      entry('2025-03-30T23:30:00Z', 'sad'),
      entry('2025-01-29T12:00:00Z', 'sad'),
      entry('2025-01-30T12:00:00Z', 'happy'),
    ]);
    expect([r.entries, r.previous.entries]).toEqual([0, 1]);
  });

  it('refuses a period it cannot read: not a whole number of days, too long, an unknown zone, an invalid now', () => {
    for (const bad of [0, 1.5, 367, Number.NaN]) expect(() => report([], bad)).toThrow(RangeError);
    expect(() => report([], 7, 'Mars/Olympus_Mons')).toThrow(RangeError);
    expect(() => report([], 7, 'UTC', new Date('not a date'))).toThrow(RangeError);
  });
});

describe('mood patterns: the numbers', () => {
  it("compares each mood's share with the period of the same length before", () => {
    const entries = [
      ...days('2025-01-30', repeat(30, ['calm', 'calm', 'happy'] as Mood[])),
      ...days(MARCH, repeat(30, ['happy', 'happy', 'calm'] as Mood[])),
    ];
    const r = report(entries);
    expect(r.previous).toEqual({
      days: 30,
      start: '2025-01-30',
      end: '2025-02-28',
      entries: 90,
      daysWithEntries: 30,
    });
    const happy = r.moods.find(({ mood }) => mood === 'happy')!;
    expect(happy).toMatchObject({ count: 60, previousCount: 30 });
    expect(happy.share).toBeCloseTo(2 / 3);
    expect(happy.previousShare).toBeCloseTo(1 / 3);
    expect(happy.change).toBeCloseTo(1 / 3);
    expect(r.moods.find(({ mood }) => mood === 'sad')).toMatchObject({
      count: 0,
      share: 0,
      previousShare: 0,
      change: 0,
      z: 0,
    });
    const changes = r.findings.filter(({ code }) => code === 'mood-up' || code === 'mood-down');
    expect(changes.map(({ code, subject }) => [code, subject])).toEqual([
      ['mood-down', 'calm'],
      ['mood-up', 'happy'],
    ]);
    expect(changes.map(({ message }) => english(message))).toEqual([
      'Calm: 33% of entries, down from 67% in the 30 days before.',
      'Happy: 67% of entries, up from 33% in the 30 days before.',
    ]);
    // Without a week of days in the period before, no change is named, though the numbers are there.
    const r2 = report(entries.filter((e) => e.time >= '2025-02-25'));
    expect(r2.moods.find(({ mood }) => mood === 'happy')!.change).not.toBeNull();
    expect(r2.findings.some(({ code }) => code === 'mood-up')).toBe(false);
  });

  it('reports a time of day or a weekday only where the data supports it', () => {
    // Sad every evening (18:00 UTC), happy in the mornings and afternoons, for 14 days.
    const evenings = report(days('2025-03-17', repeat(14, ['happy', 'happy', 'sad'] as Mood[])));
    const evening = evenings.timeOfDay.find(({ bucket }) => bucket === 'evening')!;
    expect(evening).toMatchObject({
      entries: 14,
      low: 14,
      lowShare: 1,
      otherLowShare: 0,
      enough: true,
      pattern: 'more-low',
    });
    const found = evenings.findings.find(
      ({ code, subject }) => code === 'time-of-day' && subject === 'evening',
    )!;
    expect(english(found.message)).toBe(
      'Evenings: sad or angry in 14 of 14 entries (100%), against 0% at other times of day.',
    );
    // Nine evenings are not enough to say anything about evenings.
    const nine = report(days('2025-03-22', repeat(9, ['happy', 'happy', 'sad'] as Mood[])));
    expect(nine.timeOfDay.find(({ bucket }) => bucket === 'evening')).toMatchObject({
      entries: 9,
      enough: false,
      z: null,
      pattern: null,
    });
    expect(nine.findings.some(({ code }) => code === 'time-of-day')).toBe(false);
    // Sad on Mondays, five weeks running, two entries each.
    const weeks = Array.from(
      { length: 35 },
      (_, i) => (i % 7 === 0 ? ['sad', 'sad'] : ['happy', 'calm']) as Mood[],
    );
    const mondays = report(days('2025-02-24', weeks), 35);
    expect(mondays.weekdays[1]).toMatchObject({ bucket: 1, entries: 10, low: 10, pattern: 'more-low' });
    const monday = mondays.findings.find(({ code }) => code === 'weekday')!;
    expect(english(monday.message)).toBe(
      'Monday: sad or angry in 10 of 10 entries (100%), against 0% on other days.',
    );
    expect(patternText(monday.message, formatIn('es'))).toMatch(
      /^Lunes: triste o enfadado en 10 de 10 entradas/,
    );
  });

  it('counts what got "Good pick" after sad or angry entries: media and searches, n out of m', () => {
    const at = (i: number) => `${dayPlus(MARCH, 20 + (i % 10))}T12:00:00Z`;
    let i = 0;
    const rated = (
      mood: Mood,
      media: MediaKind,
      provider: string,
      query: string,
      feedback?: 'good-pick' | 'not-for-me',
    ) => entry(at(i++), mood, { media, provider, query, ...(feedback ? { feedback } : {}) });
    const entries = [
      ...repeat(3, null).map(() => rated('sad', 'music', 'spotify', 'feel good classics', 'good-pick')),
      rated('sad', 'music', 'spotify', 'feel good classics', 'not-for-me'),
      rated('angry', 'movies', 'netflix', 'feel-good', 'good-pick'),
      rated('angry', 'movies', 'netflix', 'feel-good', 'not-for-me'),
      rated('sad', 'pictures', 'buzzfeed', 'wholesome'),
      rated('sad', 'pictures', 'buzzfeed', 'wholesome'),
      // Happy entries' "Good pick"s are not what lifted anyone.
      ...repeat(5, null).map(() => rated('happy', 'pictures', 'buzzfeed', 'funny', 'good-pick')),
      rated('sad', 'music', 'spotify', 'uplifting songs', 'good-pick'),
    ];
    const r = report(entries);
    expect(r.daysWithEntries).toBe(10);
    expect(r.lifted).toEqual({
      lowEntries: 9,
      rated: 7,
      good: 5,
      media: [
        { media: 'music', good: 4, rated: 5 },
        { media: 'movies', good: 1, rated: 2 },
      ],
      searches: [
        { media: 'music', provider: 'spotify', query: 'feel good classics', good: 3, rated: 4 },
        { media: 'music', provider: 'spotify', query: 'uplifting songs', good: 1, rated: 1 },
        { media: 'movies', provider: 'netflix', query: 'feel-good', good: 1, rated: 2 },
      ],
    });
    const lifted = r.findings.filter(({ code }) => code.startsWith('lifted-'));
    expect(lifted.map(({ code, subject, evidence }) => [code, subject, evidence])).toEqual([
      ['lifted-media', 'music', { good: 4, rated: 5 }],
      ['lifted-search', 'spotify', { good: 3, rated: 4 }],
    ]);
    expect(lifted.map(({ message }) => english(message))).toEqual([
      'Music after sad or angry moments: “Good pick” 4 times out of 5.',
      '“feel good classics” on Spotify after sad or angry moments: “Good pick” 3 times out of 4.',
    ]);
  });

  it('words a finding in German and Spanish from the same keys and values', () => {
    const r = report(days(MARCH, [...repeat(16, CALM_DAY), ...MOSTLY_SAD_FORTNIGHT]));
    expect(patternText(r.flags[0]!.message, formatIn('de'))).toBe(
      'Traurig oder wütend kam in letzter Zeit oft vor: An 11 der 14 Tage vom 17. März bis 30. März war es die häufigste Stimmung.',
    );
    expect(patternText(r.flags[0]!.message, formatIn('es'))).toBe(
      'Triste o enfadado ha aparecido mucho últimamente: fue el estado de ánimo más visto en 11 de los 14 días del 17 mar al 30 mar.',
    );
    expect(patternText(r.findings[0]!.message, formatIn('de'))).toBe(
      'Am häufigsten gesehene Stimmung: ruhig, in 49 von 90 Einträgen (54\u00a0%).',
    );
  });
});

describe('mood patterns: flags seen', () => {
  const flagOn = (start: string, end: string): Flag => ({
    code: 'persistent-low-mood',
    evidence: {
      lowDays: 8,
      stretchDays: 14,
      daysWithEntries: 8,
      lowDaysInPeriod: 8,
      daysWithEntriesInPeriod: 8,
      longestLowRun: 2,
    },
    episode: { start, end },
    fingerprint: `persistent-low-mood@${start}`,
    message: { key: 'patterns_persistentLowMood', args: [] },
    details: [],
  });

  it('is new until seen; the same flag going on, or its start moving with the period, is not', () => {
    const first = flagOn('2025-03-10', '2025-03-30');
    expect(newFlags([first], {})).toEqual([first]);
    const seen = markSeen({}, [first]);
    expect(seen).toEqual({ 'persistent-low-mood': { start: '2025-03-10', end: '2025-03-30' } });
    const nextDay = flagOn('2025-03-10', '2025-03-31');
    const windowMoved = flagOn('2025-04-20', '2025-05-19');
    expect(isNewFlag(nextDay, seen)).toBe(false);
    const later = markSeen(seen, [nextDay]);
    expect(later['persistent-low-mood']).toEqual({ start: '2025-03-10', end: '2025-03-31' });
    expect(isNewFlag(flagOn('2025-04-01', '2025-04-14'), later)).toBe(false);
    expect(isNewFlag(windowMoved, later)).toBe(true);
    expect(newFlags([{ ...first, code: 'mood-swings' } as Flag], seen)).toHaveLength(1);
  });

  it('sees a long stretch as one flag in every period, clipped or not', () => {
    const journal = days('2025-02-01', repeat(58, LOW_DAY));
    const month = report(journal);
    const quarter = report(journal, 90);
    expect(month.flags[0]!.episode).toEqual({ start: '2025-03-01', end: '2025-03-30' });
    expect(quarter.flags[0]!.episode).toEqual({ start: '2025-02-01', end: '2025-03-30' });
    expect(newFlags(month.flags, markSeen({}, quarter.flags))).toEqual([]);
    expect(newFlags(quarter.flags, markSeen({}, month.flags))).toEqual([]);
  });

  it('keeps its fingerprint while the window moves on over the same stretch', () => {
    const journal = days(MARCH, [...repeat(16, CALM_DAY), ...MOSTLY_SAD_FORTNIGHT, LOW_DAY]);
    const today = report(journal);
    const tomorrow = report(journal, 30, 'UTC', new Date('2025-03-31T20:00:00Z'));
    expect(tomorrow.flags[0]!.fingerprint).toBe(today.flags[0]!.fingerprint);
    expect(newFlags(tomorrow.flags, markSeen({}, today.flags))).toEqual([]);
  });

  it('reads what storage held: real episodes of known codes kept, anything else dropped', () => {
    const episode = { start: '2025-03-10', end: '2025-03-30' };
    expect(parseSeenFlags({ 'persistent-low-mood': episode, 'mood-swings': episode })).toEqual({
      'persistent-low-mood': episode,
      'mood-swings': episode,
    });
    expect(
      parseSeenFlags({
        'persistent-low-mood': { start: '2025-02-30', end: '2025-03-30' }, // no such day
        'mood-swings': { start: '2025-03-30', end: '2025-03-10' }, // ends before it starts
        'something-else': episode,
      }),
    ).toEqual({});
    expect(parseSeenFlags({ 'mood-swings': { start: '2025-03-10' } })).toEqual({});
    for (const raw of [undefined, null, 'seen', [episode]]) expect(parseSeenFlags(raw)).toEqual({});
  });
});
