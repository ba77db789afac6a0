/** The message key for each value users see named: moods, media, strategies, entry sources, feedback, retentions. */
import type { MessageKey } from '../shared/i18n';
import type { EntrySource, Feedback, Retention } from '../shared/journal';
import type { MediaKind, Mood, Strategy } from '../shared/moods';

export const MOOD_LABEL: Record<Mood, MessageKey> = {
  calm: 'mood_calm',
  angry: 'mood_angry',
  sad: 'mood_sad',
  happy: 'mood_happy',
  surprised: 'mood_surprised',
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
  corrected: 'source_corrected',
};

export const FEEDBACK_LABEL: Record<Feedback, MessageKey> = {
  'good-pick': 'feedback_goodPick',
  'not-for-me': 'feedback_notForMe',
};

export const RETENTION_LABEL: Record<`${Retention}`, MessageKey> = {
  '30': 'retention_30',
  '90': 'retention_90',
  '365': 'retention_365',
  forever: 'retention_forever',
};
