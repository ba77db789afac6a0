import { t } from '../../platform/i18n';

interface JournalOptInProps {
  onAnswer(keep: boolean): void;
  /** Heading level fitting the page it is on. */
  headingLevel?: 2 | 3;
  /** One line (the popup, under a result): the question and the two answers. */
  compact?: boolean;
}

/** The popup's form: the result stays the largest thing on screen. */
function CompactOptIn({ onAnswer }: Pick<JournalOptInProps, 'onAnswer'>) {
  return (
    <p class="journal-opt-in compact" role="group" aria-labelledby="journal-opt-in-title">
      <span id="journal-opt-in-title">{t('journalOptIn_short')}</span>{' '}
      <button type="button" class="link" onClick={() => onAnswer(true)}>
        {t('journalOptIn_yesShort')}
      </button>{' '}
      <button type="button" class="link" onClick={() => onAnswer(false)}>
        {t('journalOptIn_noShort')}
      </button>
    </p>
  );
}

/** The one time Moodtab asks whether to keep a mood journal; either answer is final until changed in the options. */
export function JournalOptIn({ onAnswer, headingLevel = 2, compact = false }: JournalOptInProps) {
  if (compact) return <CompactOptIn onAnswer={onAnswer} />;
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
