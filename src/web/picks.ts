/** The web app's picks as the journal knows them: each with its own id, how its mood was decided and its capture. */
import type { Recommendation } from '../recommendation/catalogue';
import type { Pick, PickSource } from '../recommendation/picks';

/** A recommendation as a pick the journal can note: its own id, how its mood was decided, its capture. */
export const asPick = (
  { mood, media, strategy, provider, query, url }: Recommendation,
  source: PickSource,
  captureId?: string,
): Pick => ({
  // Only the recommendation's own fields: a pick handed in keeps neither its id nor its capture.
  ...{ mood, media, strategy, provider, query, url },
  id: crypto.randomUUID(),
  source,
  ...(captureId ? { captureId } : {}),
});

/**
 * How a mood picked by hand was decided: without a reading, by hand; for a reading too unsure to
 * pick for, chosen; instead of what a reading had picked, a correction.
 */
export function handPickSource(reading: boolean, picked: boolean): PickSource {
  if (!reading) return 'manual';
  return picked ? 'corrected' : 'chosen';
}
