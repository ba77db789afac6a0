import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { t } from '../../../platform/i18n';

interface ChartFigureProps {
  id: string;
  caption: string;
  /** The drawing: hidden from screen readers, which read the table instead. */
  chart: ComponentChildren;
  /** The same numbers as a table: always there for screen readers, shown to everyone on request. */
  table: ComponentChildren;
}

export function ChartFigure({ id, caption, chart, table }: ChartFigureProps) {
  const [asTable, setAsTable] = useState(false);
  return (
    <figure class="chart" id={id} aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`}>{caption}</figcaption>
      {!asTable && (
        <div class="chart-drawing" aria-hidden="true">
          {chart}
        </div>
      )}
      <div class={asTable ? 'chart-table' : 'chart-table visually-hidden'}>{table}</div>
      <button
        type="button"
        class="secondary toggle"
        aria-pressed={asTable}
        onClick={() => setAsTable(!asTable)}
      >
        {t('chart_showTable')}
      </button>
    </figure>
  );
}
