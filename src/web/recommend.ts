/**
 * What the link opens for a mood: the same choice the extension's background makes (the user's
 * catalogue, then a Thompson draw over the searches), without opening anything: the page opens
 * the link on the user's click, which is what lets a browser open a new tab.
 */
import type { Mood } from '../model/moods';
import { contextKey, thompsonChoice, type BanditState, type Random } from '../recommendation/bandit';
import { armsFor, recommendationFor, type Catalogue, type Recommendation } from '../recommendation/catalogue';
import { providerIdFor, type Settings } from '../recommendation/settings';

export function recommend(
  mood: Mood,
  settings: Settings,
  catalogue: Catalogue,
  bandit: BanditState,
  random: Random = Math.random,
): Recommendation {
  const { media, strategy } = settings;
  const arms = armsFor(mood, media, strategy, providerIdFor(settings), catalogue);
  const arm = thompsonChoice(arms, bandit[contextKey(mood, media, strategy)], random);
  return recommendationFor(arm, mood, media, strategy);
}
