import { t } from '../../../platform/i18n';
import { MOODS } from '../../../model/moods';
import { MOOD_LABEL } from '../../../common/labels';
import { ChartFigure } from '../chart-figure';
import { DayTable } from '../day-table';
import { dominantMood, type DayTally } from '../chartData';
import { formatDay, formatMonth } from '../format';

const CELL = 11;
const GAP = 2;
const TOP = 16;
const LEFT = 2;

/** What a day's cell says on hover: the date and each mood seen, most first. */
function dayTitle(day: DayTally): string {
  const seen = MOODS.filter((mood) => day.counts[mood] > 0)
    .sort((a, b) => day.counts[b] - day.counts[a])
    .map((mood) => t('chart_moodCount', t(MOOD_LABEL[mood]), day.counts[mood]));
  return seen.length ? t('chart_dayTitle', formatDay(day.date), seen.join(', ')) : formatDay(day.date);
}

/** The days with entries, each with the mood seen most. */
function CalendarTable({ days, caption }: { days: DayTally[]; caption: string }) {
  if (!days.length) return <p>{t('chart_noEntriesInPeriod')}</p>;
  const mostSeen = (day: DayTally) => t(MOOD_LABEL[dominantMood(day.counts)!]);
  return (
    <DayTable
      caption={caption}
      days={days}
      columns={[{ key: 'most', header: t('chart_mostSeen'), cell: mostSeen }]}
    />
  );
}

/**
 * The last year as a calendar heat map: a column a week (Monday first), a cell a day, coloured by
 * the mood seen most that day. Its table lists only the days with entries.
 */
export function CalendarHeatMap({ days, caption }: { days: DayTally[]; caption: string }) {
  const first = days[0]?.date ?? new Date();
  const offset = (first.getDay() + 6) % 7; // Monday = 0
  const place = (i: number) => ({ column: Math.floor((i + offset) / 7), row: (i + offset) % 7 });
  const columns = place(days.length - 1).column + 1;
  const width = LEFT + columns * (CELL + GAP);
  const height = TOP + 7 * (CELL + GAP);
  const withEntries = days.filter((day) => day.total > 0);
  const chart = (
    <svg viewBox={`0 0 ${width} ${height}`} class="calendar" focusable="false">
      {days.map((day, i) => {
        const { column, row } = place(i);
        const mood = dominantMood(day.counts);
        const x = LEFT + column * (CELL + GAP);
        return (
          <g key={day.key} data-day={day.key}>
            {day.date.getDate() === 1 && (
              <text class="month-label" x={x} y={TOP - 5}>
                {formatMonth(day.date)}
              </text>
            )}
            <rect
              class={mood ? `day mood-${mood}` : 'day empty'}
              x={x}
              y={TOP + row * (CELL + GAP)}
              width={CELL}
              height={CELL}
              rx={2}
            >
              <title>{dayTitle(day)}</title>
            </rect>
          </g>
        );
      })}
    </svg>
  );
  return (
    <ChartFigure
      id="calendar"
      caption={caption}
      chart={chart}
      table={<CalendarTable days={withEntries} caption={caption} />}
    />
  );
}
