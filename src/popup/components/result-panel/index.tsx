import type { Recommendation } from '../../../shared/catalogue';
import type { CaptureOutcome } from '../../../shared/messages';
import type { Mood } from '../../../shared/moods';
import { capitalise } from '../../format';
import { FaceCrop } from '../face-crop';
import { MoodBars } from '../mood-bars';
import { MoodPicker } from '../mood-picker';

interface ResultPanelProps {
  outcome: CaptureOutcome;
  /** The tab opened for a mood picked by hand, which replaces the one the capture opened. */
  corrected?: Recommendation;
  onPickMood(mood: Mood): void;
}

export function ResultPanel({ outcome, corrected, onPickMood }: ResultPanelProps) {
  const { result } = outcome;
  const shown = corrected ?? outcome.recommendation;
  return (
    <section aria-label="Result">
      <h2>{capitalise(shown.mood)}</h2>
      {outcome.cameraReleased && <p class="note">The camera is off again; the snapshot was not kept.</p>}
      {result.faces > 1 && <p class="note">{result.faces} faces were in view; Moodtab read the largest.</p>}
      <div class="reading">
        <FaceCrop crop={result.face.crop} />
        <MoodBars probabilities={result.probabilities} />
      </div>
      <p class="opened">
        Opened{' '}
        <a href={shown.url} target="_blank" rel="noreferrer">{`${shown.provider.name}: ${shown.query}`}</a>
      </p>
      <MoodPicker onPick={onPickMood} />
    </section>
  );
}
