import { useState } from 'preact/hooks';
import { fillTemplate } from '../../../../shared/catalogue';
import {
  applyMapping,
  providerProblems,
  withCustomProvider,
  withoutCustomProvider,
  type Mapping,
} from '../../../../shared/mapping';
import { isMediaKind, MEDIA_KINDS, type MediaKind } from '../../../../shared/moods';
import { STRINGS as SECTION } from '../strings';
import { STRINGS } from './strings';

interface CustomProvidersProps {
  mapping: Mapping;
  onSave(next: Mapping): Promise<void>;
}

/** Lists the user's providers and adds new ones, with the URL checked and a live example link. */
export function CustomProviders({ mapping, onSave }: CustomProvidersProps) {
  const [name, setName] = useState('');
  const [media, setMedia] = useState<MediaKind>('music');
  const [url, setUrl] = useState('');
  const [tried, setTried] = useState(false);
  const [status, setStatus] = useState('');

  const draft = { name, media, url };
  const problems = providerProblems(draft, mapping);
  const exampleQuery = applyMapping(mapping).queries[media].match.happy[0]!;
  const showName = (tried || name !== '') && problems.name;
  const showUrl = (tried || url !== '') && problems.url;

  async function store(next: Mapping, done: string) {
    try {
      await onSave(next);
      setStatus(done);
      return true;
    } catch (error) {
      setStatus(SECTION.saveFailed((error as Error).message));
      return false;
    }
  }

  async function add(event: Event) {
    event.preventDefault();
    setTried(true);
    if (problems.name || problems.url) return;
    if (await store(withCustomProvider(mapping, draft), STRINGS.added(name.trim()))) {
      setName('');
      setUrl('');
      setTried(false);
    }
  }

  const providers = Object.entries(mapping.providers);
  return (
    <section class="custom-providers" aria-labelledby="custom-providers-heading">
      <h3 id="custom-providers-heading">{STRINGS.heading}</h3>
      <p class="note">{STRINGS.intro}</p>
      {providers.length ? (
        <ul>
          {providers.map(([id, provider]) => (
            <li key={id}>
              <strong>{provider.name}</strong> ({STRINGS.mediaNames[provider.media]}){' '}
              <code>{provider.url}</code>{' '}
              <button
                type="button"
                aria-label={STRINGS.remove(provider.name)}
                onClick={() => void store(withoutCustomProvider(mapping, id), STRINGS.removed(provider.name))}
              >
                {STRINGS.removeShort}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p class="note">{STRINGS.none}</p>
      )}
      <form onSubmit={(event) => void add(event)} noValidate>
        <label>
          {STRINGS.name}
          <input
            name="provider-name"
            value={name}
            aria-invalid={showName ? true : undefined}
            aria-describedby={showName ? 'provider-name-problem' : undefined}
            onInput={(event) => setName(event.currentTarget.value)}
          />
        </label>
        {showName && (
          <span class="problem" id="provider-name-problem">
            {problems.name}
          </span>
        )}
        <label>
          {STRINGS.media}
          <select
            name="provider-media"
            value={media}
            onChange={(event) => {
              const value = event.currentTarget.value;
              if (isMediaKind(value)) setMedia(value);
            }}
          >
            {MEDIA_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {STRINGS.mediaNames[kind]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {STRINGS.url}
          <input
            name="provider-url"
            type="url"
            value={url}
            placeholder={STRINGS.urlPlaceholder}
            aria-invalid={showUrl ? true : undefined}
            aria-describedby={showUrl ? 'provider-url-problem' : 'provider-url-example'}
            onInput={(event) => setUrl(event.currentTarget.value)}
          />
        </label>
        {showUrl && (
          <span class="problem" id="provider-url-problem">
            {problems.url}
          </span>
        )}
        {!problems.url && (
          <p class="example" id="provider-url-example">
            {STRINGS.example}{' '}
            <a href={fillTemplate(url.trim(), exampleQuery)} target="_blank" rel="noreferrer">
              {fillTemplate(url.trim(), exampleQuery)}
            </a>
          </p>
        )}
        <button type="submit">{STRINGS.add}</button>
      </form>
      <p class="status" aria-live="polite">
        {status}
      </p>
    </section>
  );
}
