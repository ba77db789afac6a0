import { t } from '../../../platform/i18n';
import type { Finding, Flag, PatternMessage, PatternReport, SupportNote } from '../../../journal/patterns';
import type { Catalogue } from '../../../recommendation/catalogue';
import { patternWords } from '../../patternReport';
import { DayStrip, type DayRange } from './dayStrip';

interface CardProps {
  /** Unique on the page: the chart's id. */
  id: string;
  code: string;
  message: PatternMessage;
  /** Its numbers in words, under the card's fold. */
  numbers: PatternMessage[];
  report: PatternReport;
  /** The days it speaks of, outlined in its chart. */
  marked?: DayRange;
  kind: 'flag' | 'finding';
  /** It shows the user's search words: left out of a print unless the user ticks them in. */
  searchWords?: boolean;
  catalogue: Catalogue;
}

/** One finding: a short sentence, and under its fold the numbers and a small chart of the days. */
function Card({ id, code, message, numbers, report, marked, kind, searchWords, catalogue }: CardProps) {
  const { entries, daysWithEntries, period } = report;
  return (
    <li class={`pattern-card ${kind}${searchWords ? ' has-search-words' : ''}`} data-code={code}>
      <p class="pattern-message" id={`pattern-message-${id}`}>
        {patternWords(message, catalogue)}
      </p>
      <details>
        {/* Every card's fold has the same name: its sentence tells a screen reader which it is. */}
        <summary aria-describedby={`pattern-message-${id}`}>{t('patterns_showNumbers')}</summary>
        <ul class="pattern-numbers">
          {numbers.map((number) => (
            <li key={number.key}>{patternWords(number, catalogue)}</li>
          ))}
          <li>{t('patterns_basis', entries, daysWithEntries, period.days)}</li>
        </ul>
        <DayStrip id={`pattern-chart-${id}`} days={report.days} marked={marked} />
      </details>
    </li>
  );
}

/** The days a finding is about, where the report knows them. */
const daysOf = (finding: Finding, report: PatternReport): DayRange | undefined =>
  finding.code === 'low-run' && report.longestLowRun ? report.longestLowRun : undefined;

/** The flags first, then what else stood out, each a card. */
export function PatternCards({ report, catalogue }: { report: PatternReport; catalogue: Catalogue }) {
  const shared = { report, catalogue };
  return (
    <ul class="pattern-cards">
      {report.flags.map((flag: Flag) => (
        <Card
          key={flag.code}
          id={flag.code}
          code={flag.code}
          kind="flag"
          message={flag.message}
          numbers={flag.details}
          marked={flag.episode}
          {...shared}
        />
      ))}
      {report.findings.map((finding, i) => (
        <Card
          key={`${finding.code}-${i}`}
          id={`${finding.code}-${i}`}
          code={finding.code}
          kind="finding"
          message={finding.message}
          numbers={[]}
          marked={daysOf(finding, report)}
          searchWords={finding.code === 'lifted-search'}
          {...shared}
        />
      ))}
    </ul>
  );
}

/** With any flag: the gentle note, and the helpline directory, a link only. */
export function SupportNoteView({ note }: { note: SupportNote }) {
  return (
    <aside class="pattern-support note">
      {note.messages.map((message) => (
        <p key={message.key}>{patternWords(message)}</p>
      ))}
      <p>
        <a href={note.link.url} target="_blank" rel="noreferrer">
          {patternWords(note.link.label)}
        </a>
      </p>
    </aside>
  );
}
