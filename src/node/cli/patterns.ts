/**
 * npm run patterns -- JOURNAL.json [--days 30] [--tz Europe/Berlin] [--now 2025-03-21T20:00:00Z]
 *
 * The mood-patterns report (src/journal/patterns) on a journal export, Moodtab's JSON format,
 * checked by the same parser as an import in the options page. --days: the period, today
 * included, a whole number from 1 to 366 (the options page offers 7, 30 and 90; default 30);
 * --tz: the IANA time zone whose days count (default: this machine's); --now: the time the period
 * ends (default: now). Prints the report in English (the sentences from the English catalogue,
 * as the options page would show them) and, last, one JSON line:
 * { periodDays, start, end, timeZone, days (days with entries), entries, insufficientData,
 *   flags: [{ code, evidence, episode, fingerprint }], findings: [{ code, subject, evidence }] }.
 */
import { readFileSync } from 'node:fs';
import english from '../../../_locales/en/messages.json';
import {
  buildReport,
  MAX_REPORT_DAYS,
  patternText,
  type PatternFormat,
  type PatternMessage,
  type PatternReport,
} from '../../journal/patterns';
import { CATALOGUE } from '../../recommendation/catalogue';
import { formatMessage } from '../../common/i18n';
import { parseJournalFile } from '../../journal/journalFile';
import { parseArgs } from '../args';

export interface PatternsIo {
  readText(path: string): string;
  now(): Date;
  timeZone(): string;
  log(line: string): void;
  error(line: string): void;
}

const USAGE = `usage: npm run patterns -- JOURNAL.json [--days N (1-${MAX_REPORT_DAYS}, default 30)] [--tz ZONE] [--now ISO-TIME]`;

const ENGLISH: PatternFormat = {
  t: (key, ...subs) => formatMessage(english, key, subs),
  locale: 'en',
  providerName: (id) => CATALOGUE.providers[id]?.name ?? id,
};
const say = (message: PatternMessage) => patternText(message, ENGLISH);
const pct = (share: number | null) => (share === null ? '-' : `${Math.round(share * 100)}%`);
const signed = (change: number | null) =>
  change === null ? '-' : `${change > 0 ? '+' : ''}${Math.round(change * 100)} points`;
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** The report in lines of English, for people. */
export function reportLines(report: PatternReport): string[] {
  const { period, previous, swings, lifted } = report;
  const lines = [
    `Mood patterns, last ${period.days} days: ${period.start} to ${period.end} (${period.timeZone})`,
    `Entries: ${report.entries} on ${report.daysWithEntries} days; the ${previous.days} days before: ${previous.entries} on ${previous.daysWithEntries} days`,
    '',
    'Mood        entries  share  before  change',
    ...report.moods.map(
      ({ mood, count, share, previousShare, change }) =>
        `  ${mood.padEnd(10)} ${String(count).padStart(6)}  ${pct(share).padStart(5)}  ${pct(previousShare).padStart(6)}  ${signed(change)}`,
    ),
    `Longest run of days with sad or angry as the main mood: ${
      report.longestLowRun
        ? `${report.longestLowRun.days} (${report.longestLowRun.start} to ${report.longestLowRun.end})`
        : 'none'
    }`,
    `Swings within days: MSSD ${swings.mssd === null ? '-' : swings.mssd.toFixed(2)} over ${swings.pairs} pairs, ` +
      `${swings.largeChanges} straight between sad or angry and happy; ` +
      `${swings.mixedDays} of ${swings.daysWithPairs} days with two entries or more had both; ` +
      `entries span ${swings.spanDays} days`,
    `Sad or angry by time of day: ${report.timeOfDay
      .map(
        ({ bucket, low, entries, pattern }) => `${bucket} ${low}/${entries}${pattern ? ` (${pattern})` : ''}`,
      )
      .join(', ')}`,
    `Sad or angry by weekday: ${report.weekdays
      .map(
        ({ bucket, low, entries, pattern }) =>
          `${WEEKDAYS[bucket]} ${low}/${entries}${pattern ? ` (${pattern})` : ''}`,
      )
      .join(', ')}`,
    `What lifted you (${lifted.lowEntries} sad or angry entries, ${lifted.rated} rated, ${lifted.good} "Good pick"): ${
      lifted.media.map(({ media, good, rated }) => `${media} ${good} of ${rated}`).join(', ') ||
      'nothing rated yet'
    }`,
    ...lifted.searches.map(
      ({ provider, query, good, rated }) =>
        `  "${query}" on ${ENGLISH.providerName!(provider)}: ${good} of ${rated}`,
    ),
    '',
  ];
  if (report.flags.length) {
    lines.push('Flags:');
    for (const flag of report.flags) {
      lines.push(`  ${flag.code} (${flag.fingerprint}): ${say(flag.message)}`);
      for (const detail of flag.details) lines.push(`    ${say(detail)}`);
      lines.push(`    evidence: ${JSON.stringify(flag.evidence)}`);
    }
  } else {
    lines.push('Flags: none');
  }
  if (report.supportNote) {
    const { messages, link } = report.supportNote;
    lines.push(...messages.map((message) => `  ${say(message)}`), `  ${say(link.label)}: ${link.url}`);
  }
  lines.push('Findings:', ...report.findings.map((finding) => `  - ${say(finding.message)}`));
  return lines;
}

/** The last line: what a script or test reads. */
export const reportJson = (report: PatternReport) => ({
  periodDays: report.period.days,
  start: report.period.start,
  end: report.period.end,
  timeZone: report.period.timeZone,
  days: report.daysWithEntries,
  entries: report.entries,
  insufficientData: report.insufficientData,
  flags: report.flags.map(({ code, evidence, episode, fingerprint }) => ({
    code,
    evidence,
    episode,
    fingerprint,
  })),
  findings: report.findings.map(({ code, subject, evidence }) => ({ code, subject, evidence })),
});

/** The CLI without its process: the exit code; everything it says goes through `io`. */
export function runPatterns(argv: string[], io: PatternsIo): number {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs(argv, ['days', 'tz', 'now']);
  } catch (error) {
    io.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { positional, options } = parsed;
  const days = Number(options.days ?? 30);
  const now = options.now === undefined ? io.now() : new Date(options.now);
  if (positional.length !== 1 || !Number.isInteger(days) || days < 1 || days > MAX_REPORT_DAYS) {
    io.error(USAGE);
    return 2;
  }
  if (!Number.isFinite(now.getTime())) {
    io.error(`--now: not a time: ${options.now}`);
    return 2;
  }
  const timeZone = options.tz ?? io.timeZone();
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    io.error(`--tz: not a time zone: ${timeZone}`);
    return 2;
  }
  const [path] = positional as [string];
  let text: string;
  try {
    text = io.readText(path);
  } catch (error) {
    io.error(`cannot read ${path}: ${(error as Error).message}`);
    return 1;
  }
  const file = parseJournalFile(text);
  if (!file.ok) {
    // The message the options page would show for this file, in English.
    io.error(`${path}: ${formatMessage(english, file.problem.key, file.problem.subs)}`);
    return 1;
  }
  const report = buildReport(file.entries, { days, now, timeZone });
  for (const line of reportLines(report)) io.log(line);
  io.log(JSON.stringify(reportJson(report)));
  return 0;
}

if (require.main === module) {
  process.exitCode = runPatterns(process.argv.slice(2), {
    readText: (path) => readFileSync(path, 'utf8'),
    now: () => new Date(),
    timeZone: () => Intl.DateTimeFormat().resolvedOptions().timeZone,
    log: (line) => console.log(line),
    error: (line) => console.error(line),
  });
}
