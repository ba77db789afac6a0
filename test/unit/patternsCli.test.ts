/**
 * npm run patterns: the report on a journal export, in words and, last, one JSON line; the file
 * checked by the same parser as an import; usage errors said, not guessed around.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runPatterns, type PatternsIo } from '../../src/node/cli/patterns';
import { parseJournalFile } from '../../src/journal/journalFile';

jest.setTimeout(60_000);

const ROOT = join(__dirname, '..', '..');
const FIXTURE = join(ROOT, 'test/fixtures/journal/persistent-low-21-days.json');
/** The evening of the fixture's last day. */
const AT_END = ['--now', '2025-03-21T21:00:00Z', '--tz', 'UTC'];

function run(argv: string[], files: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: PatternsIo = {
    readText: (path) => files[path] ?? readFileSync(path, 'utf8'),
    now: () => new Date('2025-03-21T21:00:00Z'),
    timeZone: () => 'UTC',
    log: (line) => out.push(line),
    error: (line) => err.push(line),
  };
  const code = runPatterns(argv, io);
  return { code, out, err, last: out.length ? JSON.parse(out[out.length - 1]!) : undefined };
}

describe('npm run patterns', () => {
  it('reads the fixture, an export like the options page writes, with a corrected entry', () => {
    const file = parseJournalFile(readFileSync(FIXTURE, 'utf8'));
    expect(file.ok).toBe(true);
    if (!file.ok) return;
    expect(file.entries).toHaveLength(49);
    expect(file.entries.filter(({ source }) => source === 'corrected')).toHaveLength(2);
  });

  it('ends with one JSON line: days with entries, entries, flags with their evidence', () => {
    const { code, out, last } = run([FIXTURE, '--days', '30', ...AT_END]);
    expect(code).toBe(0);
    expect(last).toMatchObject({
      periodDays: 30,
      start: '2025-02-20',
      end: '2025-03-21',
      timeZone: 'UTC',
      days: 21,
      entries: 49,
      insufficientData: null,
      flags: [
        {
          code: 'persistent-low-mood',
          evidence: {
            lowDays: 12,
            stretchDays: 14,
            daysWithEntries: 14,
            lowDaysInPeriod: 14,
            daysWithEntriesInPeriod: 21,
            longestLowRun: 5,
          },
          fingerprint: 'persistent-low-mood@2025-03-06',
        },
      ],
    });
    const text = out.join('\n');
    expect(text).toContain(
      'Sad or angry has come up a lot lately: it was the mood seen most on 12 of the 14 days from Mar 8 to Mar 21.',
    );
    expect(text).toContain('Find a helpline near you (findahelpline.com): https://findahelpline.com');
    expect(text).toContain('"feel good classics" on Spotify: 4 of 4');
  });

  it('defaults to 30 days and the time now; a week has enough days but no two weeks to flag', () => {
    expect(run([FIXTURE]).last).toMatchObject({ periodDays: 30, days: 21 });
    expect(run([FIXTURE, '--days', '7', ...AT_END]).last).toMatchObject({
      periodDays: 7,
      days: 7,
      insufficientData: null,
      flags: [],
    });
  });

  it('says when there is not enough yet', () => {
    const { last, out } = run([FIXTURE, '--days', '7', '--now', '2025-03-04T21:00:00Z', '--tz', 'UTC']);
    expect(last).toMatchObject({
      days: 4,
      entries: 9,
      insufficientData: { daysWithEntries: 4, daysNeeded: 7 },
      flags: [],
    });
    expect(out.join('\n')).toContain('so far there are entries on 4.');
  });

  it('refuses what it cannot read, and says why', () => {
    for (const argv of [
      [],
      [FIXTURE, '--days', '0'],
      [FIXTURE, '--days', 'week'],
      [FIXTURE, '--days', '400'],
      [FIXTURE, '--weeks', '2'],
      [FIXTURE, '--tz', 'Atlantis/Capital'],
      [FIXTURE, '--now', 'yesterday'],
    ]) {
      const { code, out, err } = run(argv);
      expect({ argv, code, out }).toEqual({ argv, code: 2, out: [] });
      expect(err.join('\n')).toMatch(/usage|time zone|not a time/);
    }
    expect(run(['missing.json'], {})).toMatchObject({
      code: 1,
      err: [expect.stringContaining('cannot read missing.json')],
    });
    expect(run(['other.json'], { 'other.json': '{"entries": []}' })).toMatchObject({
      code: 1,
      err: ['other.json: This file is not a Moodtab journal file. Nothing was changed.'],
    });
  });

  it('runs as npm runs it, on a copy in a temporary folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'moodtab-patterns-'));
    const copy = join(dir, 'journal.json');
    writeFileSync(copy, readFileSync(FIXTURE));
    const output = execFileSync(
      join(ROOT, 'node_modules/.bin/tsx'),
      ['src/node/cli/patterns.ts', copy, ...AT_END],
      {
        cwd: ROOT,
        encoding: 'utf8',
      },
    );
    const lines = output.trim().split('\n');
    expect(JSON.parse(lines[lines.length - 1]!)).toMatchObject({
      days: 21,
      entries: 49,
      flags: [{ code: 'persistent-low-mood', evidence: { lowDays: 12 } }],
    });
  });
});
