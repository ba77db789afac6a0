import { t } from '../../platform/i18n';
import { MOOD_LABEL, MOOD_WORD } from '../../common/labels';
import type { Mood } from '../../model/moods';

/** "Calm or sad?": the first mood as a label, the second as a word in the sentence. */
export const unsureQuestion = ([first, second]: [Mood, Mood]): string =>
  t('unsure_question', t(MOOD_LABEL[first]), t(MOOD_WORD[second]));

/** Asks between the two likeliest moods when the reading is too unsure to open a tab. */
export function UnsureChoice({ moods, onPick }: { moods: [Mood, Mood]; onPick(mood: Mood): void }) {
  return (
    <div class="unsure" role="group" aria-label={unsureQuestion(moods)}>
      <p class="note">{t('unsure_why')}</p>
      {moods.map((mood) => (
        <button key={mood} type="button" class="mood-chip" data-mood={mood} onClick={() => onPick(mood)}>
          {t(MOOD_LABEL[mood])}
        </button>
      ))}
    </div>
  );
}
