import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t } from '../../../platform/i18n';
import type { JournalEntry } from '../../../journal/journal';
import { REPORT_PERIODS, type Flag, type PatternReport } from '../../../journal/patterns';
import {
  markFlagsSeen,
  NOTE_PERIOD_DAYS,
  PATTERNS_ANCHOR,
  patternWords,
  reportFor,
} from '../../patternReport';
import { formatDay } from '../../charts/format';
import { useCatalogue } from '../../hooks';
import { PatternCards, SupportNoteView } from './cards';
import { localMidnight } from './dayStrip';
import { useOpenForPrint } from './print';

type ReportDays = (typeof REPORT_PERIODS)[number];

/** Showing flags is seeing them: the popup's note then stays quiet about them. */
function useMarkSeen(flags: readonly Flag[]): void {
  const shown = flags.map((flag) => flag.fingerprint).join(' ');
  useEffect(() => {
    // Not saved: the popup says once more what the page showed; nothing else is lost.
    if (flags.length) markFlagsSeen(flags).catch(() => undefined);
  }, [shown]);
}

function PeriodSwitch({ days, onChange }: { days: ReportDays; onChange(days: ReportDays): void }) {
  return (
    <fieldset class="period no-print">
      <legend>{t('period_legend')}</legend>
      {REPORT_PERIODS.map((choice) => (
        <label key={choice} class="inline">
          <input
            type="radio"
            name="patterns-period"
            value={choice}
            checked={days === choice}
            onChange={() => onChange(choice)}
          />
          {t('patterns_periodDays', choice)}
        </label>
      ))}
    </fieldset>
  );
}

const dayText = (day: string) => formatDay(localMidnight(day));

/** The period, and how many entries it holds: the head of the report, printed with it. */
function PeriodLine({ report }: { report: PatternReport }) {
  const { period, entries, daysWithEntries } = report;
  return (
    <p class="pattern-period">
      {t('patterns_periodLine', dayText(period.start), dayText(period.end), entries, daysWithEntries)}
    </p>
  );
}

/** Print, and whether the print shows the user's search words (left out unless ticked). */
function PrintControls({
  searchWords,
  onSearchWords,
}: {
  searchWords: boolean;
  onSearchWords(on: boolean): void;
}) {
  return (
    <p class="pattern-print no-print">
      <label class="inline">
        <input
          type="checkbox"
          checked={searchWords}
          onChange={(event) => onSearchWords(event.currentTarget.checked)}
        />
        {t('patterns_printSearchWords')}
      </label>{' '}
      <button type="button" class="secondary" onClick={() => window.print()}>
        {t('patterns_print')}
      </button>
    </p>
  );
}

/**
 * "Your patterns": what stands out in the journal over the last 7, 30 or 90 days, as short cards
 * that open to their numbers and a small chart, with the gentle note by any flag. Shown only
 * while the journal is on (the caller's part); the report is computed here, on the page.
 */
export function YourPatterns({ entries }: { entries: readonly JournalEntry[] }) {
  const [days, setDays] = useState<ReportDays>(NOTE_PERIOD_DAYS);
  const [searchWords, setSearchWords] = useState(false);
  const report = useMemo(() => reportFor(entries, days), [entries, days]);
  const catalogue = useCatalogue();
  const root = useRef<HTMLElement>(null);
  useMarkSeen(report.flags);
  useOpenForPrint(root);
  const notEnough = report.findings.find((finding) => finding.code === 'insufficient-data');
  return (
    <section
      id={PATTERNS_ANCHOR}
      ref={root}
      class={`patterns${searchWords ? ' print-search-words' : ''}`}
      aria-labelledby={`${PATTERNS_ANCHOR}-title`}
    >
      <h3 id={`${PATTERNS_ANCHOR}-title`}>{t('patterns_title')}</h3>
      <PeriodSwitch days={days} onChange={setDays} />
      <PeriodLine report={report} />
      {notEnough ? (
        <p class="empty">{patternWords(notEnough.message)}</p>
      ) : report.flags.length || report.findings.length ? (
        <PatternCards report={report} catalogue={catalogue} />
      ) : (
        <p class="empty">{t('patterns_nothingStandsOut')}</p>
      )}
      {report.supportNote && <SupportNoteView note={report.supportNote} />}
      <PrintControls searchWords={searchWords} onSearchWords={setSearchWords} />
    </section>
  );
}
