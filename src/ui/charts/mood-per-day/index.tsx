import { t } from '../../../platform/i18n';
import { MOODS } from '../../../model/moods';
import { MOOD_LABEL } from '../../../common/labels';
import { ChartFigure } from '../chart-figure';
import { DayTable, type DayColumn } from '../day-table';
import { countTicks, type DayTally } from '../chartData';
import { formatDay, formatDayMonth, formatWeekday } from '../format';

const WIDTH = 640;
const HEIGHT = 180;
const LEFT = 32;
/** Room for the last day's label ("Dec 4") under the last bar. */
const RIGHT = 16;
const BOTTOM = 22;
const TOP = 8;

/** One day's bar: a segment per mood seen, stacked from the bottom, and its day under it. */
function DayBar(props: {
  day: DayTally;
  x: number;
  width: number;
  y(count: number): number;
  label?: string | number;
}) {
  const { day, x, width, y } = props;
  let below = 0;
  return (
    <g data-day={day.key}>
      {MOODS.filter((mood) => day.counts[mood] > 0).map((mood) => {
        const top = y(below + day.counts[mood]);
        const height = y(below) - top;
        below += day.counts[mood];
        return (
          <rect key={mood} class={`segment mood-${mood}`} x={x} y={top} width={width} height={height}>
            <title>
              {t('chart_segmentTitle', formatDay(day.date), t(MOOD_LABEL[mood]), day.counts[mood])}
            </title>
          </rect>
        );
      })}
      {props.label !== undefined && (
        <text class="day-label" x={x + width / 2} y={HEIGHT - 6} text-anchor="middle">
          {props.label}
        </text>
      )}
    </g>
  );
}

/**
 * Under a week's bars their weekdays; under a month's every fifth day and the last, with its month
 * where the month is new (the first label, and after the 1st).
 */
function dayLabels(days: DayTally[]): (string | number | undefined)[] {
  if (days.length <= 7) return days.map((day) => formatWeekday(day.date));
  let lastMonth: number | undefined;
  return days.map((day, i) => {
    if (i % 5 !== days.length % 5 && i !== days.length - 1) return undefined;
    const month = day.date.getMonth();
    const label = month === lastMonth ? day.date.getDate() : formatDayMonth(day.date);
    lastMonth = month;
    return label;
  });
}

function MoodPerDayChart({ days }: { days: DayTally[] }) {
  const ticks = countTicks(Math.max(...days.map((day) => day.total), 0));
  const most = ticks[ticks.length - 1]!;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const slot = (WIDTH - LEFT - RIGHT) / days.length;
  const barWidth = Math.max(2, slot * 0.7);
  const y = (count: number) => TOP + plotHeight - (count / most) * plotHeight;
  const labels = dayLabels(days);
  return (
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} class="mood-per-day" focusable="false">
      {ticks.map((tick) => (
        <g key={tick} class="axis">
          <line x1={LEFT} x2={WIDTH - RIGHT} y1={y(tick)} y2={y(tick)} />
          <text x={LEFT - 6} y={y(tick) + 4} text-anchor="end">
            {tick}
          </text>
        </g>
      ))}
      {days.map((day, i) => (
        <DayBar
          key={day.key}
          day={day}
          x={LEFT + i * slot + (slot - barWidth) / 2}
          width={barWidth}
          y={y}
          label={labels[i]}
        />
      ))}
    </svg>
  );
}

/** Mood per day as stacked bars, one bar a day, one colour a mood; for the last week or month. */
export function MoodPerDay({ days, caption }: { days: DayTally[]; caption: string }) {
  const columns: DayColumn[] = MOODS.map((mood) => ({
    key: mood,
    header: t(MOOD_LABEL[mood]),
    cell: (day) => day.counts[mood],
  }));
  return (
    <ChartFigure
      id="mood-per-day"
      caption={caption}
      chart={<MoodPerDayChart days={days} />}
      table={<DayTable caption={caption} days={days} columns={columns} />}
    />
  );
}
