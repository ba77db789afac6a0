/**
 * The message key for each value users see named: moods (as a label, and as a word inside a
 * sentence), media, strategies, entry sources, feedback, retentions. Shared: the background names
 * moods on the toolbar icon too.
 */
import type { Verdict } from './bandit';
import type { MessageKey } from './i18n';
import type { EntrySource, Retention } from './journal';
import type { MediaKind, Mood, Strategy } from './moods';

export const MOOD_LABEL: Record<Mood, MessageKey> = {
  calm: 'mood_calm',
  angry: 'mood_angry',
  sad: 'mood_sad',
  happy: 'mood_happy',
  surprised: 'mood_surprised',
};

/** The mood inside a sentence ("Calm or sad?"): lower case where the language writes it so. */
export const MOOD_WORD: Record<Mood, MessageKey> = {
  calm: 'moodWord_calm',
  angry: 'moodWord_angry',
  sad: 'moodWord_sad',
  happy: 'moodWord_happy',
  surprised: 'moodWord_surprised',
};

export const MEDIA_LABEL: Record<MediaKind, MessageKey> = {
  music: 'media_music',
  movies: 'media_movies',
  pictures: 'media_pictures',
};

export const STRATEGY_LABEL: Record<Strategy, MessageKey> = {
  match: 'strategy_match',
  lift: 'strategy_lift',
};

export const SOURCE_LABEL: Record<EntrySource, MessageKey> = {
  camera: 'source_camera',
  manual: 'source_manual',
  chosen: 'source_chosen',
  corrected: 'source_corrected',
};

export const FEEDBACK_LABEL: Record<Verdict, MessageKey> = {
  'good-pick': 'feedback_goodPick',
  'not-for-me': 'feedback_notForMe',
};

export const RETENTION_LABEL: Record<`${Retention}`, MessageKey> = {
  '30': 'retention_30',
  '90': 'retention_90',
  '365': 'retention_365',
  forever: 'retention_forever',
};
