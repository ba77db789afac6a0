/** A tab Moodtab opened (a pick), and what the popup sends back about picks and captures. */
import { isCustomProviderId, MAX_QUERY_LENGTH, queryProblem, type Recommendation } from './catalogue';
import {
  isMediaKind,
  isMood,
  isMoodProbabilities,
  isStrategy,
  type MediaKind,
  type Mood,
  type MoodProbabilities,
  type Strategy,
} from './moods';

/**
 * How the mood behind a pick was decided. camera: read and opened at once; manual: picked by
 * hand without a capture; chosen: picked from the two the popup offered when the reading was
 * unsure; corrected: picked by hand to replace what a capture had decided.
 */
export const PICK_SOURCES = ['camera', 'manual', 'chosen', 'corrected'] as const;
export type PickSource = (typeof PICK_SOURCES)[number];

export interface Pick extends Recommendation {
  /** Names this pick in feedback. */
  id: string;
  source: PickSource;
  /**
   * The capture this pick belongs to (camera, chosen, corrected); absent for a manual pick. The
   * mood journal keeps one entry per capture under this id, and one per manual pick under `id`.
   */
  captureId?: string;
}

/** What feedback needs of a pick: enough to find its bandit arm, even after a service-worker restart. */
export interface PickRef {
  id: string;
  captureId?: string;
  mood: Mood;
  media: MediaKind;
  strategy: Strategy;
  providerId: string;
  query: string;
}

/**
 * The capture a hand pick follows. camera: the mood the camera read (before the personal
 * adjustment); shown: the mood the capture had ended as (opened, or chosen or corrected before),
 * absent when the popup asked instead of opening a tab. probabilities: the camera's reading, which
 * the journal entry of a choice or correction keeps.
 */
export interface CaptureRef {
  id: string;
  camera: Mood;
  shown?: Mood;
  probabilities: MoodProbabilities;
}

export const pickRefOf = (pick: Pick): PickRef => ({
  id: pick.id,
  ...(pick.captureId ? { captureId: pick.captureId } : {}),
  mood: pick.mood,
  media: pick.media,
  strategy: pick.strategy,
  providerId: pick.provider.id,
  query: pick.query,
});

type Fields = Record<string, unknown>;
const isRecord = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const hasOnlyKeys = (value: Fields, keys: readonly string[]) =>
  Object.keys(value).every((key) => keys.includes(key));

/** Ids are crypto.randomUUID() strings; anything id-like up to 64 characters is accepted. */
export const isId = (value: unknown): value is string =>
  typeof value === 'string' && /^[A-Za-z0-9-]{1,64}$/.test(value);
const isProviderId = (value: unknown): value is string =>
  typeof value === 'string' && (/^[a-z0-9-]{1,40}$/.test(value) || isCustomProviderId(value));

export function isPickRef(value: unknown): value is PickRef {
  return (
    isRecord(value) &&
    hasOnlyKeys(value, ['id', 'captureId', 'mood', 'media', 'strategy', 'providerId', 'query']) &&
    isId(value.id) &&
    (value.captureId === undefined || isId(value.captureId)) &&
    isMood(value.mood) &&
    isMediaKind(value.media) &&
    isStrategy(value.strategy) &&
    isProviderId(value.providerId) &&
    typeof value.query === 'string' &&
    value.query.length <= MAX_QUERY_LENGTH &&
    queryProblem(value.query) === undefined
  );
}

export function isCaptureRef(value: unknown): value is CaptureRef {
  return (
    isRecord(value) &&
    hasOnlyKeys(value, ['id', 'camera', 'shown', 'probabilities']) &&
    isId(value.id) &&
    isMood(value.camera) &&
    (value.shown === undefined || isMood(value.shown)) &&
    isMoodProbabilities(value.probabilities)
  );
}
