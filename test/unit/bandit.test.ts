import {
  armKey,
  armKeyOf,
  choiceShares,
  contextKey,
  MAX_EVIDENCE,
  parseBanditState,
  ratingTotals,
  sampleBeta,
  seededRandom,
  thompsonChoice,
  withVerdict,
  type BanditState,
} from '../../src/recommendation/bandit';
import { armsFor } from '../../src/recommendation/catalogue';

const arms = armsFor('sad', 'music', 'match', 'spotify'); // 4 queries
const context = contextKey('sad', 'music', 'match');
const first = armKeyOf(arms[0]!);
const second = armKeyOf(arms[1]!);

const mean = (values: number[]) => values.reduce((s, v) => s + v, 0) / values.length;

describe('sampleBeta', () => {
  it.each([
    [1, 1],
    [2, 8],
    [9, 3],
    [0.5, 0.5],
  ])('Beta(%d, %d) draws lie in [0, 1] with the right mean and variance', (a, b) => {
    const random = seededRandom(7);
    const draws = Array.from({ length: 20_000 }, () => sampleBeta(a, b, random));
    expect(draws.every((x) => x >= 0 && x <= 1)).toBe(true);
    const m = mean(draws);
    expect(m).toBeCloseTo(a / (a + b), 2);
    const variance = mean(draws.map((x) => (x - m) ** 2));
    expect(variance).toBeCloseTo((a * b) / ((a + b) ** 2 * (a + b + 1)), 2);
  });
});

describe('seededRandom', () => {
  it('repeats for a seed and differs between seeds', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const c = seededRandom(43);
    const seqA = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(seqA);
    expect(Array.from({ length: 5 }, c)).not.toEqual(seqA);
    expect(seqA.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});

describe('Thompson sampling', () => {
  it("spreads a new user's picks evenly over the arms", () => {
    const shares = choiceShares(arms, undefined, seededRandom(1), 8000);
    for (const share of Object.values(shares)) expect(share).toBeCloseTo(1 / arms.length, 1);
  });

  it('"Not for me" lowers that arm\'s share and raises the others\'', () => {
    const before = choiceShares(arms, undefined, seededRandom(2), 8000);
    const state = withVerdict({}, context, first, 'not-for-me');
    const after = choiceShares(arms, state[context], seededRandom(2), 8000);
    expect(after[first]!).toBeLessThan(before[first]! - 0.05);
    expect(after[second]!).toBeGreaterThan(before[second]!);
  });

  it('"Good pick" raises that arm\'s share, and more ratings raise it further', () => {
    let state: BanditState = {};
    let previous = 1 / arms.length;
    for (let i = 0; i < 3; i++) {
      state = withVerdict(state, context, second, 'good-pick');
      const share = choiceShares(arms, state[context], seededRandom(3), 8000)[second]!;
      expect(share).toBeGreaterThan(previous);
      previous = share;
    }
    // Still not certain after three ratings: the other arms keep being tried.
    expect(previous).toBeLessThan(0.95);
  });

  it('is reproducible with a seed and always returns one of the arms', () => {
    const picks = (seed: number) => {
      const random = seededRandom(seed);
      return Array.from({ length: 20 }, () => armKeyOf(thompsonChoice(arms, undefined, random)));
    };
    expect(picks(9)).toEqual(picks(9));
    expect(picks(9).every((key) => arms.some((arm) => armKeyOf(arm) === key))).toBe(true);
    expect(() => thompsonChoice([], undefined, seededRandom(1))).toThrow('nothing to choose');
  });

  it('ignores ratings stored under an inherited property name', () => {
    const stats = JSON.parse('{"__proto__": {"good": 40, "bad": 0}}') as Record<
      string,
      { good: number; bad: number }
    >;
    const shares = choiceShares(arms, stats, seededRandom(4), 4000);
    for (const share of Object.values(shares)) expect(share).toBeCloseTo(1 / arms.length, 1);
  });
});

describe('withVerdict', () => {
  it('counts a verdict, takes back a replaced one, and leaves the input untouched', () => {
    const one = withVerdict({}, context, first, 'good-pick');
    expect(one[context]![first]).toEqual({ good: 1, bad: 0 });
    const changed = withVerdict(one, context, first, 'not-for-me', 'good-pick');
    expect(changed[context]![first]).toEqual({ good: 0, bad: 1 });
    expect(one[context]![first]).toEqual({ good: 1, bad: 0 });
  });

  it('keeps at most MAX_EVIDENCE ratings per arm, in proportion', () => {
    let state: BanditState = {};
    for (let i = 0; i < 300; i++)
      state = withVerdict(state, context, first, i % 4 === 0 ? 'not-for-me' : 'good-pick');
    const { good, bad } = state[context]![first]!;
    expect(good + bad).toBeCloseTo(MAX_EVIDENCE, 6);
    expect(good / (good + bad)).toBeCloseTo(0.75, 1);
  });

  it('sums ratings for the options page', () => {
    let state = withVerdict({}, context, first, 'good-pick');
    state = withVerdict(
      state,
      contextKey('calm', 'movies', 'lift'),
      armKey('imdb', 'adventure'),
      'not-for-me',
    );
    expect(ratingTotals(state)).toEqual({ good: 1, bad: 1 });
  });
});

describe('parseBanditState', () => {
  it('keeps well-formed counts and drops the rest', () => {
    const good = { [context]: { [first]: { good: 2, bad: 1 } } };
    expect(parseBanditState(good)).toEqual(good);
    expect(
      parseBanditState({
        ...good,
        'music/match/bored': { [first]: { good: 1, bad: 0 } },
        [contextKey('calm', 'music', 'match')]: {
          'no-newline': { good: 1, bad: 0 },
          [second]: { good: -1, bad: 0 },
          [armKey('youtube', 'x')]: { good: 1e9, bad: 0 },
          [armKey('youtube', 'y')]: 'lots',
        },
      }),
    ).toEqual(good);
    expect(parseBanditState('junk')).toEqual({});
    expect(parseBanditState([1, 2])).toEqual({});
  });
});
