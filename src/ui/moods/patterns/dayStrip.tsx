import { t } from '../../../platform/i18n';
import { MOOD_LABEL } from '../../../common/labels';
import type { DaySummary } from '../../../journal/patterns';
import { ChartFigure } from '../../charts/chart-figure';
import type { DayTally } from '../../charts/chartData';
import { DayTable } from '../../charts/day-table';
import { formatDay } from '../../charts/format';

const CELL = 12;
const GAP = 2;
/** Days a row: a month; 90 days wrap into three rows. */
const PER_ROW = 30;

/** A report's day (YYYY-MM-DD, the user's own) at local midnight, as the chart code formats days. */
export function localMidnight(day: string): Date {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(year!, month! - 1, date);
}

/** A report's day as the shared chart code counts days: local midnight, counts and total. */
const asTally = (day: DaySummary): DayTally => ({
  date: localMidnight(day.day),
  key: day.day,
  counts: day.counts,
  total: day.entries,
});

/** The days a card speaks of, first and last included. */
export interface DayRange {
  start: string;
  end: string;
}

function dayTitle(day: DaySummary): string {
  const date = formatDay(localMidnight(day.day));
  return day.main ? t('chart_dayTitle', date, t(MOOD_LABEL[day.main])) : date;
}

const inRange = (day: string, range?: DayRange) => !!range && day >= range.start && day <= range.end;

function StripDrawing({ days, marked }: { days: DaySummary[]; marked?: DayRange }) {
  const perRow = Math.min(days.length, PER_ROW);
  const width = perRow * (CELL + GAP);
  const rows = Math.ceil(days.length / perRow);
  const height = rows * (CELL + GAP) + GAP;
  return (
    <svg viewBox={`0 0 ${width} ${height}`} width={width} height={height} class="day-strip" focusable="false">
      {days.map((day, i) => (
        <rect
          key={day.day}
          data-day={day.day}
          class={`day ${day.main ? `mood-${day.main}` : 'empty'}${inRange(day.day, marked) ? ' marked' : ''}`}
          x={(i % perRow) * (CELL + GAP) + GAP / 2}
          y={Math.floor(i / perRow) * (CELL + GAP) + GAP / 2}
          width={CELL}
          height={CELL}
          rx={2}
        >
          <title>{dayTitle(day)}</title>
        </rect>
      ))}
    </svg>
  );
}

/**
 * The period's days in a row, a small square a day in the colour of its main mood, the card's own
 * days outlined; its table lists the days with entries.
 */
export function DayStrip({ id, days, marked }: { id: string; days: DaySummary[]; marked?: DayRange }) {
  const caption = t('patterns_chartCaption');
  const withEntries = days.filter((day) => day.main).map(asTally);
  const main = new Map(days.map((day) => [day.day, day.main]));
  return (
    <ChartFigure
      id={id}
      caption={caption}
      chart={<StripDrawing days={days} marked={marked} />}
      table={
        <DayTable
          caption={caption}
          days={withEntries}
          columns={[
            { key: 'main', header: t('chart_mostSeen'), cell: (day) => t(MOOD_LABEL[main.get(day.key)!]) },
          ]}
        />
      }
    />
  );
}
