/**
 * One check per value a user or a file can give Moodtab: a search query, a provider's id, name
 * and URL template, a journal time, a reading's probabilities. The mapping editor, the mapping-pack
 * import, the journal import and the message protocol all use these, so none is looser than another.
 */
import { problem, type Problem } from '../common/i18n';
import { isMoodProbabilities, MOODS, type MoodProbabilities } from '../model/moods';

/** Longest search query, in the catalogue, the editor, a pick and the journal alike. */
export const MAX_QUERY_LENGTH = 80;
export const MAX_TEMPLATE_LENGTH = 500;
export const MAX_PROVIDER_NAME = 40;
/** A journal time or an export's date may be this far ahead of this device's clock (another device's clock). */
export const MAX_CLOCK_SKEW_MS = 5 * 60_000;
/**
 * How far a reading's probabilities may sum from 1: the journal keeps each rounded to 0.01, so
 * five of them are off by 0.025 at most.
 */
export const PROBABILITY_SUM_TOLERANCE = 0.03;

/** Ids of the user's own providers (mapping editor) start with this. */
export const CUSTOM_PROVIDER_PREFIX = 'custom-';
export const isCustomProviderId = (id: unknown): id is string =>
  typeof id === 'string' && /^custom-[a-z0-9-]{1,40}$/.test(id);
/** A built-in provider's id or a custom one: lower-case words joined by "-", starting with a letter or digit. */
export const isProviderId = (id: unknown): id is string =>
  typeof id === 'string' && (/^[a-z0-9][a-z0-9-]{0,39}$/.test(id) || isCustomProviderId(id));

/**
 * Characters no query or name needs and that can hide what it says: C0/C1 controls, and the
 * invisible or direction-changing marks (zero-width, LRM/RLM, embeddings, overrides, isolates, BOM).
 */
// eslint-disable-next-line no-control-regex
const HIDDEN = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/;
export const hasHiddenCharacters = (text: string): boolean => HIDDEN.test(text);

/** Why a query cannot be searched, or undefined when it can. */
export function queryProblem(query: string): Problem | undefined {
  if (!query.trim()) return problem('query_empty');
  if (query !== query.trim()) return problem('query_spaces', query.trim());
  if (query.length > MAX_QUERY_LENGTH) return problem('query_tooLong', query, MAX_QUERY_LENGTH);
  if (hasHiddenCharacters(query)) return problem('query_control', query);
  return undefined;
}

export const isQuery = (value: unknown): value is string =>
  typeof value === 'string' && queryProblem(value) === undefined;

/** The template with every `{query}` replaced by the URL-encoded query. */
export const fillTemplate = (template: string, query: string): string =>
  template.replaceAll('{query}', encodeURIComponent(query));

/**
 * Why a URL template cannot be used, or undefined when it can: https, a host, no credentials,
 * `{query}` outside the host and no other placeholder, so every query gives a URL on one site.
 */
export function urlTemplateProblem(template: string): Problem | undefined {
  if (template.length > MAX_TEMPLATE_LENGTH) return problem('url_tooLong', MAX_TEMPLATE_LENGTH);
  if (!template.startsWith('https://')) return problem('url_notHttps');
  if (/\s/.test(template)) return problem('url_spaces');
  if (!template.includes('{query}')) return problem('url_noQuery');
  if (/[{}]/.test(template.replaceAll('{query}', ''))) return problem('url_otherPlaceholder');
  const authority = template.slice('https://'.length).split(/[/?#]/)[0]!;
  if (authority.includes('{query}')) return problem('url_queryInHost');
  let first: URL;
  let second: URL;
  try {
    first = new URL(fillTemplate(template, 'moodtab'));
    second = new URL(fillTemplate(template, 'other words')); // i18n-exempt: a test query, never shown
  } catch {
    return problem('url_invalid');
  }
  if (first.protocol !== 'https:') return problem('url_notHttps');
  if (first.username || first.password) return problem('url_credentials');
  if (!first.hostname.includes('.')) return problem('url_fullHost');
  if (first.host !== second.host) return problem('url_queryInHost');
  return undefined;
}

/**
 * A name as a reader sees it: compatibility forms folded (NFKC: full-width "Ｓｐｏｔｉｆｙ" is
 * "Spotify"), case ignored, spaces and punctuation between the letters left out.
 */
export const nameLooks = (name: string): string =>
  name
    .normalize('NFKC')
    .toLocaleLowerCase('en')
    .replace(/[\s\p{P}\p{S}]+/gu, '');

/** The names a new provider must not take: the built-in ones, whatever their media, and the user's own of its media. */
export interface TakenNames {
  builtIn: readonly string[];
  own: readonly string[];
}

/** Why a provider's name cannot be kept (trimmed), or undefined when it can; `taken` problem: the caller's key. */
export function providerNameProblem(name: string, taken: TakenNames): Problem | { taken: true } | undefined {
  const trimmed = name.trim();
  if (!trimmed) return problem('provider_nameMissing');
  if (trimmed.length > MAX_PROVIDER_NAME) return problem('provider_nameTooLong', MAX_PROVIDER_NAME);
  if (hasHiddenCharacters(trimmed)) return problem('provider_nameControl');
  const looks = nameLooks(trimmed);
  if (taken.builtIn.some((other) => nameLooks(other) === looks))
    return problem('provider_nameBuiltIn', trimmed);
  if (taken.own.some((other) => nameLooks(other) === looks)) return { taken: true };
  return undefined;
}

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

/** An ISO UTC time that names a real instant (Date.parse would roll 30 February over into March). */
export const isUtcTime = (value: unknown): value is string =>
  typeof value === 'string' &&
  ISO_UTC.test(value) &&
  Number.isFinite(Date.parse(value)) &&
  new Date(value).toISOString().slice(0, 19) === value.slice(0, 19);

/** A time that has been: a UTC time no later than `now` plus the clock skew allowed. */
export const isPastTime = (value: unknown, now: Date): value is string =>
  isUtcTime(value) && Date.parse(value) <= now.getTime() + MAX_CLOCK_SKEW_MS;

/** A reading: each mood's probability in 0..1, summing to 1 within rounding. */
export const isReading = (value: unknown): value is MoodProbabilities =>
  isMoodProbabilities(value) &&
  Math.abs(MOODS.reduce((sum, mood) => sum + value[mood], 0) - 1) <= PROBABILITY_SUM_TOLERANCE;
