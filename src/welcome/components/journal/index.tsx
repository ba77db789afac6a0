import { openOptionsPage } from '../../../platform/browserApi';
import { t } from '../../../platform/i18n';
import { JournalOptIn } from '../../../ui/journal-opt-in';
import { stored } from '../../../platform/stored';
import { useStored } from '../../../ui/useStored';

/** Asks once whether to keep a mood journal; once answered, says which way and where to change it. */
export function JournalSection() {
  const prefs = useStored(stored.journalPrefs);
  if (!prefs) return null;
  if (!prefs.asked) {
    return (
      <JournalOptIn
        onAnswer={(keep) =>
          void stored.journalPrefs
            .update((current) => ({ ...current, enabled: keep, asked: true }))
            .catch(() => undefined)
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
