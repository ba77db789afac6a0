import { openOptionsPage, saveStored } from '../../../platform/browserApi';
import { t } from '../../../platform/i18n';
import { JOURNAL_PREFS_KEY, parseJournalPrefs } from '../../../journal/journal';
import { JournalOptIn } from '../../../ui/journal-opt-in';
import { useStored } from '../../../ui/useStored';

/** Asks once whether to keep a mood journal; once answered, says which way and where to change it. */
export function JournalSection() {
  const prefs = useStored(JOURNAL_PREFS_KEY, parseJournalPrefs);
  if (!prefs) return null;
  if (!prefs.asked) {
    return (
      <JournalOptIn
        onAnswer={(keep) =>
          void saveStored(JOURNAL_PREFS_KEY, { ...prefs, enabled: keep, asked: true }).catch(() => undefined)
        }
      />
    );
  }
  return (
    <section class="journal-answer" aria-labelledby="journal-answer-title">
      <h2 id="journal-answer-title">{t('journalOptIn_title')}</h2>
      <p role="status">{prefs.enabled ? t('welcome_journalOn') : t('welcome_journalOff')}</p>
      <button type="button" class="secondary" onClick={() => void openOptionsPage().catch(() => undefined)}>
        {t('welcome_openOptions')}
      </button>
    </section>
  );
}
