import { t } from '../../../platform/i18n';
import { MOODS } from '../../../model/moods';
import { MOOD_LABEL } from '../../../common/labels';
import { ChartFigure } from '../chart-figure';
import { DayTable } from '../day-table';
import { dominantMood, type DayTally } from '../chartData';
import { formatDay, formatMonth, formatWeekday } from '../format';

const CELL = 11;
const GAP = 2;
const TOP = 16;
/** Room for the weekday labels on the left, and for a month label that starts in the last column. */
const LEFT = 30;
const RIGHT = 24;
/** Monday, Wednesday and Friday label their rows, as calendars do. */
const LABELLED_ROWS = [0, 2, 4];

/** The weekday of each labelled row (Monday first), in the browser's language. */
function WeekdayLabels({ monday }: { monday: Date }) {
  return (
    <>
      {LABELLED_ROWS.map((row) => (
        <text
          key={row}
          class="weekday-label"
          x={LEFT - 4}
          y={TOP + row * (CELL + GAP) + CELL - 2}
          text-anchor="end"
        >
          {formatWeekday(new Date(monday.getFullYear(), monday.getMonth(), monday.getDate() + row))}
        </text>
      ))}
    </>
  );
}

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
  const width = LEFT + columns * (CELL + GAP) + RIGHT;
  const monday = new Date(first.getFullYear(), first.getMonth(), first.getDate() - offset);
  const height = TOP + 7 * (CELL + GAP);
  const withEntries = days.filter((day) => day.total > 0);
  const chart = (
    <svg viewBox={`0 0 ${width} ${height}`} class="calendar" focusable="false">
      <WeekdayLabels monday={monday} />
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
