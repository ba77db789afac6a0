/**
 * Learning what to open from "Good pick" / "Not for me": a Thompson-sampling bandit per (mood,
 * media, strategy) over (provider, query) arms, each a Beta(PRIOR.good + good, PRIOR.bad + bad).
 * A pick opens the arm with the highest draw, so liked arms come up more often and untried ones
 * still get tried.
 */
import type { Arm } from './catalogue';
import { isMood, type Mood } from '../model/moods';
import { isMediaKind, isStrategy, type MediaKind, type Strategy } from './media';

export interface ArmCounts {
  good: number;
  bad: number;
}

/** counts per context (contextKey) per arm (armKey); arms never rated are absent. */
export type BanditState = Record<string, Record<string, ArmCounts>>;

/** The user's word on an opened tab; the mood journal keeps it on the tab's entry too. */
export const VERDICTS = ['good-pick', 'not-for-me'] as const;
export type Verdict = (typeof VERDICTS)[number];
export const isVerdict = (value: unknown): value is Verdict => VERDICTS.includes(value as Verdict);

/** Beta(1, 1): before any feedback, every chance of a good pick is equally likely. */
export const PRIOR: ArmCounts = { good: 1, bad: 1 };
/**
 * Ratings an arm keeps at most; older ones are scaled down beyond it, so a taste that changes is
 * followed within a few dozen ratings rather than outvoted by years of old ones.
 */
export const MAX_EVIDENCE = 40;

/** Uniform in [0, 1). Math.random in the extension; seededRandom in tests. */
export type Random = () => number;

export const contextKey = (mood: Mood, media: MediaKind, strategy: Strategy): string =>
  `${media}/${strategy}/${mood}`;
/** Queries never contain a newline (catalogue.ts queryProblem), so this is unambiguous. */
export const armKey = (providerId: string, query: string): string => `${providerId}\n${query}`;
export const armKeyOf = ({ provider, query }: Arm): string => armKey(provider.id, query);

/** mulberry32: a small, well-mixed 32-bit generator, for reproducible tests and measurements. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function standardNormal(random: Random): number {
  // Box-Muller; 1 - u keeps log away from 0.
  const u = 1 - random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Gamma(shape, 1) by Marsaglia and Tsang (2000); shapes below 1 by the u^(1/shape) boost. */
export function sampleGamma(shape: number, random: Random): number {
  if (shape < 1) return sampleGamma(shape + 1, random) * Math.pow(1 - random(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = standardNormal(random);
    const v = (1 + c * x) ** 3;
    if (v <= 0) continue;
    const u = 1 - random();
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

export function sampleBeta(alpha: number, beta: number, random: Random): number {
  const x = sampleGamma(alpha, random);
  return x / (x + sampleGamma(beta, random));
}

const countsOf = (stats: Record<string, ArmCounts> | undefined, key: string): ArmCounts =>
  (stats && Object.hasOwn(stats, key) ? stats[key] : undefined) ?? { good: 0, bad: 0 };

/** Thompson sampling: one draw from each arm's Beta posterior; the highest draw is opened. */
export function thompsonChoice(
  arms: readonly Arm[],
  stats: Record<string, ArmCounts> | undefined,
  random: Random,
): Arm {
  if (!arms.length) throw new Error('bandit: nothing to choose from');
  let best = arms[0]!;
  let bestDraw = -1;
  for (const arm of arms) {
    const { good, bad } = countsOf(stats, armKeyOf(arm));
    const draw = sampleBeta(PRIOR.good + good, PRIOR.bad + bad, random);
    if (draw > bestDraw) [best, bestDraw] = [arm, draw];
  }
  return best;
}

/** How often each arm would be opened (share of `draws` Thompson choices), by armKey. */
export function choiceShares(
  arms: readonly Arm[],
  stats: Record<string, ArmCounts> | undefined,
  random: Random,
  draws = 10_000,
): Record<string, number> {
  const shares: Record<string, number> = Object.fromEntries(arms.map((arm) => [armKeyOf(arm), 0]));
  for (let i = 0; i < draws; i++) shares[armKeyOf(thompsonChoice(arms, stats, random))]! += 1 / draws;
  return shares;
}

/**
 * The state with one rating added (and, when the user changed their mind, the earlier one taken
 * back). An arm's ratings are scaled down to MAX_EVIDENCE when they exceed it.
 */
export function withVerdict(
  state: BanditState,
  context: string,
  arm: string,
  verdict: Verdict,
  replaces?: Verdict,
): BanditState {
  const field = (v: Verdict): keyof ArmCounts => (v === 'good-pick' ? 'good' : 'bad');
  const stats = { ...state[context] };
  const counts = { ...countsOf(stats, arm) };
  if (replaces) counts[field(replaces)] = Math.max(0, counts[field(replaces)] - 1);
  counts[field(verdict)] += 1;
  const total = counts.good + counts.bad;
  if (total > MAX_EVIDENCE) {
    counts.good = (counts.good * MAX_EVIDENCE) / total;
    counts.bad = (counts.bad * MAX_EVIDENCE) / total;
  }
  stats[arm] = counts;
  return { ...state, [context]: stats };
}

/** Ratings in all contexts together, for the options page. */
export function ratingTotals(state: BanditState): ArmCounts {
  const totals = { good: 0, bad: 0 };
  for (const stats of Object.values(state)) {
    for (const { good, bad } of Object.values(stats)) {
      totals.good += good;
      totals.bad += bad;
    }
  }
  return { good: Math.round(totals.good), bad: Math.round(totals.bad) };
}

const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= MAX_EVIDENCE;

function isContextKey(key: string): boolean {
  const [media, strategy, mood, ...rest] = key.split('/');
  return isMediaKind(media) && isStrategy(strategy) && isMood(mood) && rest.length === 0;
}

/** Whatever storage held, keeping only well-formed counts (storage can hold old or hand-edited data). */
export function parseBanditState(raw: unknown): BanditState {
  const state: BanditState = {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return state;
  for (const [context, stats] of Object.entries(raw)) {
    if (!isContextKey(context) || typeof stats !== 'object' || stats === null) continue;
    for (const [arm, counts] of Object.entries(stats as Record<string, unknown>)) {
      const { good, bad } = (counts ?? {}) as Partial<ArmCounts>;
      if (arm.includes('\n') && isCount(good) && isCount(bad)) (state[context] ??= {})[arm] = { good, bad };
    }
  }
  return state;
}
