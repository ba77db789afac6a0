/** Dates and numbers in the browser's UI language. */
import { uiLanguage } from '../../platform/i18n';

const formatter = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(uiLanguage(), options);

export const formatDay = (date: Date): string =>
  formatter({ weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }).format(date);
export const formatWeekday = (date: Date): string => formatter({ weekday: 'short' }).format(date);
export const formatMonth = (date: Date): string => formatter({ month: 'short' }).format(date);
/** "5 Nov" / "Nov 5": a day with its month, as the browser's language writes it. */
export const formatDayMonth = (date: Date): string =>
  formatter({ day: 'numeric', month: 'short' }).format(date);
export const formatTime = (date: Date): string =>
  formatter({ day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(
    date,
  );
export const formatPercent = (share: number): string =>
  new Intl.NumberFormat(uiLanguage(), { style: 'percent', maximumFractionDigits: 0 }).format(share);
