/** labels.ts spells out the values it names (the ground imports no domain): each table names exactly its domain's values. */
import {
  FEEDBACK_LABEL,
  MEDIA_LABEL,
  MOOD_LABEL,
  MOOD_WORD,
  RETENTION_LABEL,
  SOURCE_LABEL,
  STRATEGY_LABEL,
} from '../../src/common/labels';
import { RETENTIONS } from '../../src/journal/journal';
import { MOODS } from '../../src/model/moods';
import { VERDICTS } from '../../src/recommendation/bandit';
import { MEDIA_KINDS, STRATEGIES } from '../../src/recommendation/media';
import { PICK_SOURCES } from '../../src/recommendation/picks';

it.each([
  ['MOOD_LABEL', MOOD_LABEL, MOODS],
  ['MOOD_WORD', MOOD_WORD, MOODS],
  ['MEDIA_LABEL', MEDIA_LABEL, MEDIA_KINDS],
  ['STRATEGY_LABEL', STRATEGY_LABEL, STRATEGIES],
  ['SOURCE_LABEL', SOURCE_LABEL, PICK_SOURCES],
  ['FEEDBACK_LABEL', FEEDBACK_LABEL, VERDICTS],
  ['RETENTION_LABEL', RETENTION_LABEL, RETENTIONS.map(String)],
] as const)('%s names exactly its values', (_name, table, values) => {
  expect(Object.keys(table).sort()).toEqual([...values].sort());
});
