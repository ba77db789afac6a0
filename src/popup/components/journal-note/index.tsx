import { openOptionsPage } from '../../../platform/browserApi';
import { t } from '../../../platform/i18n';
import { errorMessageKey } from '../../../common/errors';
import type { JournalOutcome } from '../../../journal/journal';

/** Whether the result went into the mood journal, with the way to see it, or why it could not. */
export function JournalNote({ journal }: { journal: JournalOutcome }) {
  if (journal.status === 'failed')
    return <p class="journal-note error">{t(errorMessageKey(journal.error))}</p>;
  return (
    <p class="journal-note note">
      {t('popup_journalSaved')}{' '}
      <button type="button" class="link" onClick={() => void openOptionsPage().catch(() => undefined)}>
        {t('popup_seeJournal')}
      </button>
    </p>
  );
}
