/** Turns a mood into an opened tab: the user's catalogue, the bandit's choice, the tab. */
import { armsFor, recommendationFor } from '../recommendation/catalogue';
import { contextKey, thompsonChoice, type BanditState, type Random } from '../recommendation/bandit';
import { applyMapping, EMPTY_MAPPING, type Mapping } from '../recommendation/mapping';
import type { Mood } from '../model/moods';
import type { Pick, PickSource } from '../recommendation/picks';
import { providerIdFor, type Settings } from '../recommendation/settings';

export interface RecommenderDeps {
  loadMapping(): Promise<Mapping>;
  loadBandit(): Promise<BanditState>;
  random: Random;
  newId(): string;
  /**
   * Opens the URL in a tab and says which (undefined where the browser does not say); reuse: a
   * tab to load it in instead, where it is still open.
   */
  openTab(url: string, active: boolean, reuse?: number): Promise<number | undefined>;
}

export interface Recommender {
  /**
   * Chooses what to open for the mood with the given choices (Thompson sampling) and opens it.
   * captureId: the capture the pick belongs to, absent for a mood picked without one.
   * reuseTab: the tab an earlier pick opened, which this one replaces (a correction, a second pick).
   */
  open(
    mood: Mood,
    settings: Settings,
    options: { active: boolean; source: PickSource; captureId?: string; reuseTab?: number },
  ): Promise<Pick>;
}

export function createRecommender(deps: RecommenderDeps): Recommender {
  return {
    async open(mood, settings, { active, source, captureId, reuseTab }) {
      // Unreadable storage must not stop the tab: the built-in catalogue and a fresh bandit will do.
      const [mapping, bandit] = await Promise.all([
        deps.loadMapping().catch(() => EMPTY_MAPPING),
        deps.loadBandit().catch((): BanditState => ({})),
      ]);
      const { media, strategy } = settings;
      const arms = armsFor(mood, media, strategy, providerIdFor(settings), applyMapping(mapping));
      const arm = thompsonChoice(arms, bandit[contextKey(mood, media, strategy)], deps.random);
      const recommendation = recommendationFor(arm, mood, media, strategy);
      const tabId = await (reuseTab === undefined
        ? deps.openTab(recommendation.url, active)
        : deps.openTab(recommendation.url, active, reuseTab));
      return {
        ...recommendation,
        id: deps.newId(),
        source,
        ...(captureId ? { captureId } : {}),
        ...(tabId === undefined ? {} : { tabId }),
      };
    },
  };
}
