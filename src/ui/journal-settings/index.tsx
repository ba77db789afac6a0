import { useState } from 'preact/hooks';
import { t } from '../../platform/i18n';
import { errorMessageKey, toErrorInfo } from '../../common/errors';
import { RETENTIONS, type JournalPrefs } from '../../journal/journal';
import { RETENTION_LABEL } from '../../common/labels';
import { journalStore, useJournalPrefs } from '../hooks';

const retentionFrom = (value: string) => RETENTIONS.find((retention) => String(retention) === value);

/** Whether Moodtab keeps a journal, and for how long it keeps each entry. */
export function JournalSection() {
  const [prefs, change] = useJournalPrefs();
  const [status, setStatus] = useState<{ text: string; error?: boolean }>();
  if (!prefs) return null;

  async function apply(patch: Partial<JournalPrefs>) {
    try {
      await change({ ...patch, asked: true });
      if (patch.retention === undefined) return setStatus(undefined);
      // Pruned now, not at the next capture: a shorter retention is a wish to have less kept.
      const removed = await journalStore.applyRetention();
      setStatus(removed ? { text: t('journal_pruned', removed) } : undefined);
    } catch (error) {
      setStatus({ text: t(errorMessageKey(toErrorInfo(error).code)), error: true });
    }
  }

  return (
    <>
      <p>{t('journal_what')}</p>
      <label>
        <input
          type="checkbox"
          name="journal-enabled"
          checked={prefs.enabled}
          onChange={(event) => void apply({ enabled: event.currentTarget.checked })}
        />{' '}
        {t('journal_keep')}
      </label>
      <p class="muted">{t('journal_offKeeps')}</p>
      <label>
        {t('journal_retention')}{' '}
        <select
          name="journal-retention"
          value={String(prefs.retention)}
          onChange={(event) => {
            const retention = retentionFrom(event.currentTarget.value);
            if (retention !== undefined) void apply({ retention });
          }}
        >
          {RETENTIONS.map((retention) => (
            <option key={retention} value={String(retention)}>
              {t(RETENTION_LABEL[`${retention}`])}
            </option>
          ))}
        </select>
      </label>
      <p class="muted">{t('journal_retentionNote')}</p>
      <p class={status?.error ? 'error' : 'muted'} role="status">
        {status?.text ?? ''}
      </p>
    </>
  );
}
