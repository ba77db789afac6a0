import { useEffect, useState } from 'preact/hooks';
import { t } from '../../../../platform/i18n';
import type { Problem } from '../../../../common/i18n';
import { MOOD_LABEL } from '../../../../common/labels';
import {
  applyMapping,
  parseQueryLines,
  queryListProblem,
  withQueries,
  type Mapping,
} from '../../../../recommendation/mapping';
import { CATALOGUE } from '../../../../recommendation/catalogue';
import { MOODS, type Mood } from '../../../../model/moods';
import { type MediaKind, type Strategy } from '../../../../recommendation/media';
import { MediaSelect, StrategySelect } from '../../../../ui/choice-controls';
import { problemText } from '../../../../ui/problemText';
import { saveFailed } from '../saveFailed';

type Drafts = Record<Mood, string>;

const draftsFor = (mapping: Mapping, media: MediaKind, strategy: Strategy): Drafts =>
  Object.fromEntries(
    MOODS.map((mood) => [mood, applyMapping(mapping).queries[media][strategy][mood].join('\n')]),
  ) as Drafts;

/** Edits the query lists of one media and strategy; saves all five moods or none. */
export function QueryLists({ mapping, onSave }: { mapping: Mapping; onSave(next: Mapping): Promise<void> }) {
  const [media, setMedia] = useState<MediaKind>('music');
  const [strategy, setStrategy] = useState<Strategy>('match');
  const [drafts, setDrafts] = useState<Drafts>(() => draftsFor(mapping, media, strategy));
  const [problems, setProblems] = useState<Partial<Record<Mood, Problem>>>({});
  const [status, setStatus] = useState('');

  useEffect(() => {
    setDrafts(draftsFor(mapping, media, strategy));
    setProblems({});
  }, [mapping, media, strategy]);

  async function store(next: Mapping, done: string) {
    try {
      await onSave(next);
      setStatus(done);
    } catch (error) {
      setStatus(saveFailed(error));
    }
  }

  async function save() {
    const lists = Object.fromEntries(MOODS.map((mood) => [mood, parseQueryLines(drafts[mood])])) as Record<
      Mood,
      string[]
    >;
    const found: Partial<Record<Mood, Problem>> = {};
    for (const mood of MOODS) {
      const problem = queryListProblem(lists[mood]);
      if (problem) found[mood] = problem;
    }
    setProblems(found);
    if (Object.keys(found).length) return setStatus(t('lists_notSaved'));
    const next = MOODS.reduce(
      (result, mood) => withQueries(result, media, strategy, mood, lists[mood]),
      mapping,
    );
    await store(next, t('lists_saved'));
  }

  async function restore() {
    const next = MOODS.reduce(
      (result, mood) => withQueries(result, media, strategy, mood, CATALOGUE.queries[media][strategy][mood]),
      mapping,
    );
    await store(next, t('lists_restored'));
  }

  return (
    <section class="query-lists" aria-labelledby="query-lists-heading">
      <h3 id="query-lists-heading">{t('lists_title')}</h3>
      <p class="muted">{t('lists_intro')}</p>
      <div class="row">
        <label>
          {t('lists_media')} <MediaSelect name="lists-media" value={media} onChange={setMedia} />
        </label>
        <StrategySelect name="lists-strategy" value={strategy} onChange={setStrategy} />
      </div>
      <div class="lists">
        {MOODS.map((mood) => (
          <label key={mood} class="list">
            {t(MOOD_LABEL[mood])}
            <textarea
              name={`queries-${mood}`}
              rows={5}
              value={drafts[mood]}
              aria-invalid={problems[mood] ? true : undefined}
              aria-describedby={problems[mood] ? `queries-${mood}-problem` : undefined}
              onInput={(event) => {
                const text = event.currentTarget.value;
                setDrafts((current) => ({ ...current, [mood]: text }));
              }}
            />
            {problems[mood] && (
              <span class="problem" id={`queries-${mood}-problem`}>
                {problemText(problems[mood])}
              </span>
            )}
          </label>
        ))}
      </div>
      <div class="row">
        <button type="button" class="primary" onClick={() => void save()}>
          {t('lists_save')}
        </button>
        <button type="button" class="secondary" onClick={() => void restore()}>
          {t('lists_restore')}
        </button>
      </div>
      <p class="status muted" role="status">
        {status}
      </p>
    </section>
  );
}
