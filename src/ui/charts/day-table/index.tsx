import { t } from '../../../platform/i18n';
import type { DayTally } from '../chartData';
import { formatDay } from '../format';

export interface DayColumn {
  key: string;
  header: string;
  cell(day: DayTally): string | number;
}

/** A chart's days as a table (for screen readers, and for everyone on request): the day, the columns, the total. */
export function DayTable({
  caption,
  days,
  columns,
}: {
  caption: string;
  days: DayTally[];
  columns: DayColumn[];
}) {
  return (
    <table>
      <caption class="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('chart_day')}</th>
          {columns.map((column) => (
            <th key={column.key} scope="col">
              {column.header}
            </th>
          ))}
          <th scope="col">{t('chart_total')}</th>
        </tr>
      </thead>
      <tbody>
        {days.map((day) => (
          <tr key={day.key}>
            <th scope="row">{formatDay(day.date)}</th>
            {columns.map((column) => (
              <td key={column.key}>{column.cell(day)}</td>
            ))}
            <td>{day.total}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
