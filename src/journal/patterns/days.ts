/**
 * Days, hours and weekdays as the user lives them: read in the user's own IANA time zone, never
 * in UTC nor in the zone of whatever machine runs the code. A day is its calendar date,
 * `YYYY-MM-DD`; days are counted on the calendar, so a daylight-saving change (a day of 23 or 25
 * hours) neither skips nor repeats one.
 */

/** A calendar date in the user's time zone, `YYYY-MM-DD`. */
export type DayKey = string;

/** Where an instant falls for the user: the local day, the hour on the local clock (0-23), the weekday (0 Sunday .. 6 Saturday). */
export interface LocalTime {
  day: DayKey;
  hour: number;
  weekday: number;
}

const DAY_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 24 * 60 * 60 * 1000;

function utcMidnight(day: DayKey): number {
  const match = DAY_KEY.exec(day);
  if (!match) throw new RangeError(`not a day: ${day}`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

/** The day `n` calendar days after `day` (before, for a negative n). */
export const addDays = (day: DayKey, n: number): DayKey =>
  new Date(utcMidnight(day) + n * DAY_MS).toISOString().slice(0, 10);

/** Calendar days from `from` to `to`: 0 for the same day, 1 for the next. */
export const daysBetween = (from: DayKey, to: DayKey): number =>
  Math.round((utcMidnight(to) - utcMidnight(from)) / DAY_MS);

/** 0 Sunday .. 6 Saturday, as Date.getDay counts. */
export const weekdayOf = (day: DayKey): number => new Date(utcMidnight(day)).getUTCDay();

/** Noon UTC of the day: formats as that date in any locale when formatted with timeZone 'UTC'. */
export const dayAsDate = (day: DayKey): Date => new Date(utcMidnight(day) + DAY_MS / 2);

/**
 * A reader of instants in `timeZone` (e.g. 'Europe/Berlin'). Throws a RangeError for a zone the
 * runtime does not know.
 */
export function localClock(timeZone: string): (instant: Date) => LocalTime {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    hourCycle: 'h23',
  });
  return (instant) => {
    const parts: Record<string, string> = {};
    for (const { type, value } of format.formatToParts(instant)) parts[type] = value;
    const day = `${parts.year}-${parts.month}-${parts.day}`;
    return { day, hour: Number(parts.hour) % 24, weekday: weekdayOf(day) };
  };
}
