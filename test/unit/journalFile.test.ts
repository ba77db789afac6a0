import type { JournalEntry } from '../../src/journal/journal';
import {
  exportFileName,
  journalToCsv,
  journalToJson,
  MAX_IMPORT_BYTES,
  parseJournalFile,
} from '../../src/journal/journalFile';

const camera: JournalEntry = {
  id: '0b5c3f0e-1111-4a6b-9a51-2f1d7b1c0a01',
  time: '2025-03-01T08:15:00.000Z',
  mood: 'sad',
  source: 'camera',
  probabilities: { calm: 0.21, angry: 0.02, sad: 0.7, happy: 0.05, surprised: 0.02 },
  media: 'music',
  provider: 'spotify',
  query: 'sad songs',
  feedback: 'good-pick',
};
const manual: JournalEntry = {
  id: 'manual-2',
  time: '2025-03-02T19:40:00.000Z',
  mood: 'happy',
  source: 'manual',
  probabilities: null,
  media: 'movies',
  provider: 'netflix',
  query: 'comedy, "feel good"',
};

const file = (fields: object) =>
  JSON.stringify({
    format: 'moodtab-journal',
    version: 1,
    exportedAt: '2025-03-03T00:00:00.000Z',
    ...fields,
  });
const problemOf = (text: string) => {
  const parsed = parseJournalFile(text);
  return parsed.ok ? undefined : parsed.problem;
};

describe('journal export', () => {
  it('writes CSV with a header, one row an entry, the five probabilities in columns, RFC 4180 quoting', () => {
    expect(journalToCsv([camera, manual]).split('\r\n')).toEqual([
      'time,mood,source,calm,angry,sad,happy,surprised,media,provider,query,feedback',
      '2025-03-01T08:15:00.000Z,sad,camera,0.21,0.02,0.7,0.05,0.02,music,spotify,sad songs,good-pick',
      '2025-03-02T19:40:00.000Z,happy,manual,,,,,,movies,netflix,"comedy, ""feel good""",',
      '',
    ]);
  });

  it('keeps a query from running as a spreadsheet formula', () => {
    const csv = journalToCsv([{ ...manual, query: '=HYPERLINK("http://x")' }]);
    expect(csv.split('\r\n')[1]).toContain(`"'=HYPERLINK(""http://x"")"`);
  });

  it('writes JSON that says what it is and imports back to the same entries', () => {
    const json = journalToJson([camera, manual], new Date('2025-03-03T10:00:00.000Z'));
    expect(JSON.parse(json)).toEqual({
      format: 'moodtab-journal',
      version: 1,
      exportedAt: '2025-03-03T10:00:00.000Z',
      entries: [camera, manual],
    });
    expect(parseJournalFile(json)).toEqual({ ok: true, entries: [camera, manual] });
  });

  it('names the files with the local date', () => {
    expect(exportFileName('csv', new Date(2025, 2, 9, 23, 59))).toBe('moodtab-journal-2025-03-09.csv');
    expect(exportFileName('json', new Date(2025, 11, 31))).toBe('moodtab-journal-2025-12-31.json');
  });
});

describe('journal import validation', () => {
  it('accepts an empty journal', () => {
    expect(parseJournalFile(file({ entries: [] }))).toEqual({ ok: true, entries: [] });
  });

  it('refuses what is not JSON, or JSON that is not a Moodtab journal', () => {
    expect(problemOf('time,mood\n2025,sad')).toEqual({ key: 'import_notJson', subs: [] });
    expect(problemOf('[1, 2]')).toEqual({ key: 'import_notMoodtab', subs: [] });
    expect(problemOf('null')).toEqual({ key: 'import_notMoodtab', subs: [] });
    expect(problemOf(JSON.stringify({ entries: [camera] }))).toEqual({ key: 'import_notMoodtab', subs: [] });
    expect(problemOf(file({ entries: [camera], format: 'other-app' }))).toEqual({
      key: 'import_notMoodtab',
      subs: [],
    });
    expect(problemOf(file({ entries: {} }))).toEqual({ key: 'import_notMoodtab', subs: [] });
    expect(problemOf(file({ entries: [], extra: true }))).toEqual({ key: 'import_notMoodtab', subs: [] });
    expect(problemOf(file({ entries: [], version: '1' }))).toEqual({ key: 'import_notMoodtab', subs: [] });
  });

  it('says when a file comes from a newer Moodtab', () => {
    expect(problemOf(file({ entries: [], version: 2 }))).toEqual({ key: 'import_newerVersion', subs: ['2'] });
  });

  it('names the first bad entry and its field', () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ ...manual, mood: 'grumpy' }, 'mood'],
      [{ ...manual, time: 'yesterday' }, 'time'],
      [{ ...manual, time: '2025-02-30T10:00:00Z' }, 'time'],
      [{ ...manual, source: 'guess' }, 'source'],
      [{ ...manual, media: 'podcasts' }, 'media'],
      [{ ...manual, provider: 'https://evil.example' }, 'provider'],
      [{ ...manual, query: '' }, 'query'],
      [{ ...manual, query: 'x'.repeat(81) }, 'query'],
      [{ ...manual, query: 'sad\nsongs' }, 'query'],
      [{ ...manual, query: 'sad\u0000' }, 'query'],
      [{ ...manual, query: 'sad\u202esongs' }, 'query'],
      [{ ...manual, provider: '-' }, 'provider'],
      [{ ...manual, feedback: 'meh' }, 'feedback'],
      [{ ...manual, id: 'has spaces' }, 'id'],
      [{ ...camera, probabilities: { ...camera.probabilities, sad: 1.5 } }, 'probabilities'],
      [{ ...camera, probabilities: { calm: 1 } }, 'probabilities'],
      [{ ...camera, probabilities: { calm: 1, angry: 1, sad: 1, happy: 1, surprised: 1 } }, 'probabilities'],
      [
        { ...camera, probabilities: { calm: 0.2, angry: 0, sad: 0.7, happy: 0, surprised: 0 } },
        'probabilities',
      ],
      [{ ...manual, image: 'data:image/png;base64,AAAA' }, 'image'],
    ];
    for (const [bad, field] of cases) {
      expect(problemOf(file({ entries: [camera, bad] }))).toEqual({
        key: 'import_badEntry',
        subs: ['2', field],
      });
    }
    const missing: Partial<JournalEntry> = { ...camera };
    delete missing.probabilities;
    expect(problemOf(file({ entries: [missing] }))).toEqual({
      key: 'import_badEntry',
      subs: ['1', 'probabilities'],
    });
    expect(problemOf(file({ entries: ['entry'] }))).toEqual({ key: 'import_badEntry', subs: ['1', 'entry'] });
  });

  it('refuses an id used twice, and a file too large to be an export', () => {
    expect(problemOf(file({ entries: [manual, { ...manual, mood: 'calm' }] }))).toEqual({
      key: 'import_badEntry',
      subs: ['2', 'id'],
    });
    expect(problemOf(' '.repeat(MAX_IMPORT_BYTES + 1))).toEqual({ key: 'import_tooLarge', subs: [] });
  });

  describe('against the clock and the retention', () => {
    const now = new Date('2025-03-03T12:00:00.000Z');
    const at = (retention: 30 | 365 | 'forever' = 365) => ({ now, retention });
    const problemAt = (text: string, context = at()) => {
      const parsed = parseJournalFile(text, context);
      return parsed.ok ? undefined : parsed.problem;
    };

    it('refuses an entry dated in the future, beyond a few minutes of clock skew', () => {
      expect(problemAt(file({ entries: [manual, { ...camera, time: '9999-12-31T23:59:59.000Z' }] }))).toEqual(
        {
          key: 'import_future',
          subs: ['2'],
        },
      );
      expect(problemAt(file({ entries: [{ ...camera, time: '2025-03-03T12:06:00.000Z' }] }))).toEqual({
        key: 'import_future',
        subs: ['1'],
      });
      expect(problemAt(file({ entries: [{ ...camera, time: '2025-03-03T12:04:00.000Z' }] }))).toBeUndefined();
    });

    it.each([
      ['missing', undefined],
      ['a number', 42],
      ['not a time', 'yesterday'],
      ['in the future', '2030-01-01T00:00:00.000Z'],
    ])('refuses a file whose exportedAt is %s', (_what, exportedAt) => {
      expect(problemAt(file({ exportedAt, entries: [] }))).toEqual({ key: 'import_notMoodtab', subs: [] });
    });

    it('refuses more entries than the journal keeps with the retention', () => {
      const many = (count: number) =>
        Array.from({ length: count }, (_, i) => ({ ...manual, id: `manual-${i}` }));
      expect(problemAt(file({ entries: many(601) }), at(30))).toEqual({
        key: 'import_tooMany',
        subs: ['601', '600'],
      });
      expect(problemAt(file({ entries: many(600) }), at(30))).toBeUndefined();
      expect(problemAt(file({ entries: many(10_001) }), at('forever'))).toEqual({
        key: 'import_tooMany',
        subs: ['10001', '10000'],
      });
    });
  });
});
