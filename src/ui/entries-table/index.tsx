import { useState } from 'preact/hooks';
import { t } from '../../platform/i18n';
import type { Catalogue } from '../../recommendation/catalogue';
import type { JournalEntry } from '../../journal/journal';
import { FEEDBACK_LABEL, MEDIA_LABEL, MOOD_LABEL, SOURCE_LABEL } from '../../common/labels';
import { formatTime } from '../charts/format';
import { useCatalogue } from '../hooks';

const PAGE = 50;

/**
 * A provider's name, the user's own included; an id this Moodtab does not know (from a newer
 * Moodtab's import, or a provider the user has since removed) is shown as it is.
 */
const providerName = (catalogue: Catalogue, id: string) =>
  (Object.hasOwn(catalogue.providers, id) ? catalogue.providers[id]?.name : undefined) ?? id;

/** Every journal entry, newest first, a page at a time. */
export function EntriesTable({ entries }: { entries: JournalEntry[] }) {
  const [shown, setShown] = useState(PAGE);
  const catalogue = useCatalogue();
  const newest = [...entries].reverse().slice(0, shown);
  return (
    <>
      <table class="entries">
        <thead>
          <tr>
            <th scope="col">{t('entries_time')}</th>
            <th scope="col">{t('entries_mood')}</th>
            <th scope="col">{t('entries_source')}</th>
            <th scope="col">{t('entries_opened')}</th>
            <th scope="col">{t('entries_query')}</th>
            <th scope="col">{t('entries_feedback')}</th>
          </tr>
        </thead>
        <tbody>
          {newest.map((entry) => (
            <tr key={entry.id} data-entry={entry.id}>
              <th scope="row">
                <time dateTime={entry.time}>{formatTime(new Date(entry.time))}</time>
              </th>
              <td>
                <span class={`swatch mood-${entry.mood}`} aria-hidden="true" /> {t(MOOD_LABEL[entry.mood])}
              </td>
              <td>{t(SOURCE_LABEL[entry.source])}</td>
              <td>
                {t('entries_openedOn', t(MEDIA_LABEL[entry.media]), providerName(catalogue, entry.provider))}
              </td>
              <td>{entry.query}</td>
              <td>{entry.feedback ? t(FEEDBACK_LABEL[entry.feedback]) : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="muted">{t('entries_count', newest.length, entries.length)}</p>
      {shown < entries.length && (
        <button type="button" class="secondary" onClick={() => setShown(shown + PAGE)}>
          {t('entries_more')}
        </button>
      )}
    </>
  );
}
