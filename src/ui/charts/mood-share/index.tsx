import { t } from '../../../platform/i18n';
import { MOOD_LABEL } from '../../../common/labels';
import { ChartFigure } from '../chart-figure';
import type { MoodShare as Share } from '../chartData';
import { formatPercent } from '../format';

const WIDTH = 640;
const ROW = 26;
const LABEL = 110;
const VALUE = 56;

/** Each mood's share of the period's entries, as horizontal bars. */
export function MoodShare({ shares, caption }: { shares: Share[]; caption: string }) {
  const plot = WIDTH - LABEL - VALUE;
  const chart = (
    <svg viewBox={`0 0 ${WIDTH} ${shares.length * ROW}`} class="mood-share" focusable="false">
      {shares.map(({ mood, share }, i) => (
        <g key={mood} data-mood={mood}>
          <text class="share-label" x={0} y={i * ROW + 17}>
            {t(MOOD_LABEL[mood])}
          </text>
          <rect class="track" x={LABEL} y={i * ROW + 5} width={plot} height={16} rx={3} />
          {share > 0 && (
            <rect
              class={`share mood-${mood}`}
              x={LABEL}
              y={i * ROW + 5}
              width={share * plot}
              height={16}
              rx={3}
            />
          )}
          <text class="share-value" x={WIDTH} y={i * ROW + 17} text-anchor="end">
            {formatPercent(share)}
          </text>
        </g>
      ))}
    </svg>
  );
  const table = (
    <table>
      <caption class="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('chart_mood')}</th>
          <th scope="col">{t('chart_entries')}</th>
          <th scope="col">{t('chart_share')}</th>
        </tr>
      </thead>
      <tbody>
        {shares.map(({ mood, count, share }) => (
          <tr key={mood}>
            <th scope="row">{t(MOOD_LABEL[mood])}</th>
            <td>{count}</td>
            <td>{formatPercent(share)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return <ChartFigure id="mood-share" caption={caption} chart={chart} table={table} />;
}
