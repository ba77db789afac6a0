import { useState } from 'preact/hooks';
import { t } from '../../platform/i18n';
import type { MessageKey } from '../../common/i18n';
import { CalendarHeatMap } from '../charts/calendar';
import { moodShares, PERIODS, tallyByDay, type Period } from '../charts/chartData';
import { Legend } from '../charts/legend';
import { MoodPerDay } from '../charts/mood-per-day';
import { MoodShare } from '../charts/mood-share';
import { EntriesTable } from '../entries-table';
import { useJournalEntries, useJournalPrefs } from '../hooks';
import { YourPatterns } from './patterns';

const PERIOD_LABEL: Record<Period, MessageKey> = {
  week: 'period_week',
  month: 'period_month',
  year: 'period_year',
};
const PER_DAY_CAPTION: Record<Period, MessageKey> = {
  week: 'chart_perDayWeek',
  month: 'chart_perDayMonth',
  year: 'chart_perDayYear',
};
const SHARE_CAPTION: Record<Period, MessageKey> = {
  week: 'chart_shareWeek',
  month: 'chart_shareMonth',
  year: 'chart_shareYear',
};

/** The journal drawn: "Your patterns" first (while the journal is on), mood per day and each mood's share over a week, month or year; then every entry. */
export function MoodsSection() {
  const entries = useJournalEntries();
  const [prefs] = useJournalPrefs();
  const [period, setPeriod] = useState<Period>('week');
  if (!entries || !prefs) return null;
  if (!entries.length) return <p class="empty">{prefs.enabled ? t('moods_empty') : t('moods_emptyOff')}</p>;

  const days = tallyByDay(entries, period, new Date());
  const perDayCaption = t(PER_DAY_CAPTION[period]);
  return (
    <>
      {prefs.enabled && <YourPatterns entries={entries} />}
      <fieldset class="period">
        <legend>{t('period_legend')}</legend>
        <div class="segmented">
          {PERIODS.map((choice) => (
            <label key={choice}>
              <input
                type="radio"
                name="period"
                value={choice}
                checked={period === choice}
                onChange={() => setPeriod(choice)}
              />
              {t(PERIOD_LABEL[choice])}
            </label>
          ))}
        </div>
      </fieldset>
      <Legend />
      <div class="charts">
        {period === 'year' ? (
          <CalendarHeatMap days={days} caption={perDayCaption} />
        ) : (
          <MoodPerDay days={days} caption={perDayCaption} />
        )}
        <MoodShare shares={moodShares(days)} caption={t(SHARE_CAPTION[period])} />
      </div>
      <h3>{t('entries_title')}</h3>
      <EntriesTable entries={entries} />
    </>
  );
}
