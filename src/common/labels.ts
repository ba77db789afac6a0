/**
 * The message key for each value users see named: moods (as a label, and as a word inside a
 * sentence), media, strategies, entry sources, feedback, retentions. The values are spelled out
 * rather than imported, so the ground imports no domain and the background (the badge) and every
 * page can use it. A use site indexing a table with a value it lacks does not compile, and
 * test/unit/labels.test.ts checks that each table names exactly its domain's values.
 */
import type { MessageKey } from './i18n';

type Labels<K extends string> = Readonly<Record<K, MessageKey>>;

export const MOOD_LABEL: Labels<'calm' | 'angry' | 'sad' | 'happy' | 'surprised'> = {
  calm: 'mood_calm',
  angry: 'mood_angry',
  sad: 'mood_sad',
  happy: 'mood_happy',
  surprised: 'mood_surprised',
};

/** The mood inside a sentence ("Calm or sad?"): lower case where the language writes it so. */
export const MOOD_WORD: Labels<keyof typeof MOOD_LABEL> = {
  calm: 'moodWord_calm',
  angry: 'moodWord_angry',
  sad: 'moodWord_sad',
  happy: 'moodWord_happy',
  surprised: 'moodWord_surprised',
};

export const MEDIA_LABEL: Labels<'music' | 'movies' | 'pictures'> = {
  music: 'media_music',
  movies: 'media_movies',
  pictures: 'media_pictures',
};

export const STRATEGY_LABEL: Labels<'match' | 'lift'> = {
  match: 'strategy_match',
  lift: 'strategy_lift',
};

export const SOURCE_LABEL: Labels<'camera' | 'manual' | 'chosen' | 'corrected'> = {
  camera: 'source_camera',
  manual: 'source_manual',
  chosen: 'source_chosen',
  corrected: 'source_corrected',
};

export const FEEDBACK_LABEL: Labels<'good-pick' | 'not-for-me'> = {
  'good-pick': 'feedback_goodPick',
  'not-for-me': 'feedback_notForMe',
};

export const RETENTION_LABEL: Labels<'30' | '90' | '365' | 'forever'> = {
  '30': 'retention_30',
  '90': 'retention_90',
  '365': 'retention_365',
  forever: 'retention_forever',
};
