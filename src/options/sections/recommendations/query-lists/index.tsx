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
import { useSaving } from '../saving';

type Drafts = Record<Mood, string>;
type Problems = Partial<Record<Mood, Problem>>;

const draftsFor = (mapping: Mapping, media: MediaKind, strategy: Strategy): Drafts =>
  Object.fromEntries(
    MOODS.map((mood) => [mood, applyMapping(mapping).queries[media][strategy][mood].join('\n')]),
  ) as Drafts;

/** The drafts as lists, and what is wrong with each. */
function checked(drafts: Drafts): { lists: Record<Mood, string[]>; problems: Problems } {
  const lists = Object.fromEntries(MOODS.map((mood) => [mood, parseQueryLines(drafts[mood])])) as Record<
    Mood,
    string[]
  >;
  const problems: Problems = {};
  for (const mood of MOODS) {
    const problem = queryListProblem(lists[mood]);
    if (problem) problems[mood] = problem;
  }
  return { lists, problems };
}

/** One text box per mood, one query per line, each with its problem under it. */
function ListEditors(props: { drafts: Drafts; problems: Problems; onEdit(mood: Mood, text: string): void }) {
  return (
    <div class="lists">
      {MOODS.map((mood) => (
        <label key={mood} class="list">
          {t(MOOD_LABEL[mood])}
          <textarea
            name={`queries-${mood}`}
            rows={5}
            value={props.drafts[mood]}
            aria-invalid={props.problems[mood] ? true : undefined}
            aria-describedby={props.problems[mood] ? `queries-${mood}-problem` : undefined}
            onInput={(event) => props.onEdit(mood, event.currentTarget.value)}
          />
          {props.problems[mood] && (
            <span class="problem" id={`queries-${mood}-problem`}>
              {problemText(props.problems[mood])}
            </span>
          )}
        </label>
      ))}
    </div>
  );
}

/** Edits the query lists of one media and strategy; saves all five moods or none. */
export function QueryLists({ mapping, onSave }: { mapping: Mapping; onSave(next: Mapping): Promise<void> }) {
  const [media, setMedia] = useState<MediaKind>('music');
  const [strategy, setStrategy] = useState<Strategy>('match');
  const [drafts, setDrafts] = useState<Drafts>(() => draftsFor(mapping, media, strategy));
  const [problems, setProblems] = useState<Problems>({});
  const { status, setStatus, store } = useSaving(onSave);

  useEffect(() => {
    setDrafts(draftsFor(mapping, media, strategy));
    setProblems({});
  }, [mapping, media, strategy]);

  const withLists = (lists: Record<Mood, readonly string[]>) =>
    MOODS.reduce((result, mood) => withQueries(result, media, strategy, mood, lists[mood]), mapping);

  async function save() {
    const { lists, problems: found } = checked(drafts);
    setProblems(found);
    if (Object.keys(found).length) return setStatus(t('lists_notSaved'));
    await store(withLists(lists), t('lists_saved'));
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
      <ListEditors
        drafts={drafts}
        problems={problems}
        onEdit={(mood, text) => setDrafts((current) => ({ ...current, [mood]: text }))}
      />
      <div class="row">
        <button type="button" class="primary" onClick={() => void save()}>
          {t('lists_save')}
        </button>
        <button
          type="button"
          class="secondary"
          onClick={() => void store(withLists(CATALOGUE.queries[media][strategy]), t('lists_restored'))}
        >
          {t('lists_restore')}
        </button>
      </div>
      <p class="status muted" role="status">
        {status}
      </p>
    </section>
  );
}
