/** A tab Moodtab opened (a pick), and what the popup sends back about picks and captures. */
import type { Recommendation } from './catalogue';
import { isProviderId, isQuery, isReading } from './values';
import { isMood, type Mood, type MoodProbabilities } from '../model/moods';
import { isMediaKind, isStrategy, type MediaKind, type Strategy } from './media';
import { optional, required, type FieldRule } from '../common/records';

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
  /** The browser's id of the tab it opened in, so a correction can load its own pick there. */
  tabId?: number;
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

/** Ids are crypto.randomUUID() strings; anything id-like up to 64 characters is accepted. */
export const isId = (value: unknown): value is string =>
  typeof value === 'string' && /^[A-Za-z0-9-]{1,64}$/.test(value);

/** A PickRef's fields, and nothing else (messages.ts checks one inside a request with these). */
export const PICK_REF_FIELDS = {
  id: required(isId),
  captureId: optional(isId),
  mood: required(isMood),
  media: required(isMediaKind),
  strategy: required(isStrategy),
  providerId: required(isProviderId),
  query: required(isQuery),
} satisfies Record<keyof PickRef, FieldRule>;

/** A CaptureRef's fields, and nothing else. */
export const CAPTURE_REF_FIELDS = {
  id: required(isId),
  camera: required(isMood),
  shown: optional(isMood),
  probabilities: required(isReading),
} satisfies Record<keyof CaptureRef, FieldRule>;
