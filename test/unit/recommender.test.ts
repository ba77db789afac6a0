import { createRecommender, type RecommenderDeps } from '../../src/background/recommender';
import {
  armKey,
  choiceShares,
  contextKey,
  seededRandom,
  withVerdict,
  type BanditState,
} from '../../src/recommendation/bandit';
import { armsFor, CATALOGUE } from '../../src/recommendation/catalogue';
import { EMPTY_MAPPING, withCustomProvider, withQueries } from '../../src/recommendation/mapping';
import { DEFAULT_SETTINGS } from '../../src/recommendation/settings';

function setup(overrides: Partial<RecommenderDeps> = {}) {
  const deps: RecommenderDeps = {
    loadMapping: jest.fn(async () => EMPTY_MAPPING),
    loadBandit: jest.fn(async (): Promise<BanditState> => ({})),
    random: seededRandom(5),
    newId: () => 'pick-1',
    openTab: jest.fn(async () => undefined),
    ...overrides,
  };
  return { deps, recommender: createRecommender(deps) };
}

describe('recommender', () => {
  it("opens one of the mood's queries with the chosen provider, as a pick with an id and source", async () => {
    const { deps, recommender } = setup();
    const pick = await recommender.open('sad', DEFAULT_SETTINGS, { active: false, source: 'manual' });
    expect(CATALOGUE.queries.music.match.sad).toContain(pick.query);
    expect(pick).toMatchObject({
      id: 'pick-1',
      source: 'manual',
      mood: 'sad',
      provider: { id: 'youtube-music' },
    });
    expect(deps.openTab).toHaveBeenCalledWith(pick.url, false);
    expect(pick.captureId).toBeUndefined();
  });

  it('loads a correction in the tab the pick before it opened, and names the tab it opened in', async () => {
    const openTab = jest.fn(async (_url: string, _active: boolean, reuse?: number) => reuse ?? 41);
    const { recommender } = setup({ openTab });
    const first = await recommender.open('sad', DEFAULT_SETTINGS, { active: false, source: 'camera' });
    expect(first.tabId).toBe(41);
    const second = await recommender.open('calm', DEFAULT_SETTINGS, {
      active: false,
      source: 'corrected',
      reuseTab: first.tabId!,
    });
    expect(openTab).toHaveBeenLastCalledWith(second.url, false, 41);
    expect(second.tabId).toBe(41);
  });

  it('leaves the tab out of the pick where the browser did not name it', async () => {
    const { recommender } = setup();
    const pick = await recommender.open('sad', DEFAULT_SETTINGS, { active: false, source: 'manual' });
    expect('tabId' in pick).toBe(false);
  });

  it('names the capture a pick belongs to, which the journal files it under', async () => {
    const { recommender } = setup();
    const pick = await recommender.open('sad', DEFAULT_SETTINGS, {
      active: true,
      source: 'camera',
      captureId: 'capture-1',
    });
    expect(pick).toMatchObject({ source: 'camera', captureId: 'capture-1' });
  });

  it("uses the user's lists and providers", async () => {
    let mapping = withQueries(EMPTY_MAPPING, 'music', 'match', 'sad', ['delta blues']);
    mapping = withCustomProvider(mapping, {
      name: 'Radio',
      media: 'music',
      url: 'https://radio.example/?q={query}',
    });
    const { recommender } = setup({ loadMapping: jest.fn(async () => mapping) });
    const settings = { ...DEFAULT_SETTINGS, providers: { music: 'custom-radio' } };
    const pick = await recommender.open('sad', settings, { active: true, source: 'camera' });
    expect(pick.url).toBe('https://radio.example/?q=delta%20blues');
  });

  it('follows the bandit: an arm rated "not for me" many times is rarely opened', async () => {
    const arms = armsFor('happy', 'music', 'match', 'youtube-music'); // the default provider
    const disliked = armKey('youtube-music', arms[0]!.query);
    let state: BanditState = {};
    for (let i = 0; i < 8; i++)
      state = withVerdict(state, contextKey('happy', 'music', 'match'), disliked, 'not-for-me');
    const { recommender } = setup({ loadBandit: jest.fn(async () => state), random: seededRandom(8) });
    const queries: string[] = [];
    for (let i = 0; i < 200; i++)
      queries.push(
        (await recommender.open('happy', DEFAULT_SETTINGS, { active: true, source: 'manual' })).query,
      );
    const share = queries.filter((q) => q === arms[0]!.query).length / queries.length;
    const expected = choiceShares(arms, state[contextKey('happy', 'music', 'match')], seededRandom(1))[
      disliked
    ]!;
    expect(share).toBeLessThan(0.1);
    expect(share).toBeCloseTo(expected, 1);
  });

  it('still opens a tab when storage cannot be read', async () => {
    const { deps, recommender } = setup({
      loadMapping: jest.fn(async () => Promise.reject(new Error('gone'))),
      loadBandit: jest.fn(async () => Promise.reject(new Error('gone'))),
    });
    await expect(
      recommender.open('calm', DEFAULT_SETTINGS, { active: true, source: 'manual' }),
    ).resolves.toMatchObject({
      provider: { id: 'youtube-music' },
    });
    expect(deps.openTab).toHaveBeenCalled();
  });
});
