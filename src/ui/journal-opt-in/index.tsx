import { t } from '../../platform/i18n';

interface JournalOptInProps {
  onAnswer(keep: boolean): void;
  /** Heading level fitting the page it is on. */
  headingLevel?: 2 | 3;
}

/** The one time Moodtab asks whether to keep a mood journal; either answer is final until changed in the options. */
export function JournalOptIn({ onAnswer, headingLevel = 2 }: JournalOptInProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section class="journal-opt-in panel" aria-labelledby="journal-opt-in-title">
      <Heading id="journal-opt-in-title">{t('journalOptIn_title')}</Heading>
      <p>{t('journalOptIn_what')}</p>
      <p class="muted">{t('journalOptIn_privacy')}</p>
      <p class="choices">
        <button type="button" class="primary" onClick={() => onAnswer(true)}>
          {t('journalOptIn_yes')}
        </button>{' '}
        <button type="button" class="secondary" onClick={() => onAnswer(false)}>
          {t('journalOptIn_no')}
        </button>
      </p>
    </section>
  );
}
