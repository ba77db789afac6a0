import { useState } from 'preact/hooks';
import { t } from '../../../../platform/i18n';
import type { Problem } from '../../../../common/i18n';
import { fillTemplate } from '../../../../recommendation/catalogue';
import { MEDIA_LABEL } from '../../../../common/labels';
import {
  applyMapping,
  providerProblems,
  withCustomProvider,
  withoutCustomProvider,
  type Mapping,
} from '../../../../recommendation/mapping';
import type { MediaKind } from '../../../../recommendation/media';
import { MediaSelect } from '../../../../ui/choice-controls';
import { problemText } from '../../../../ui/problemText';
import { useSaving } from '../saving';

interface CustomProvidersProps {
  mapping: Mapping;
  onSave(next: Mapping): Promise<void>;
}

type Store = (next: Mapping, done: string) => Promise<boolean>;

/** The user's providers, each with a button that removes it. */
function ProviderList({ mapping, store }: { mapping: Mapping; store: Store }) {
  const providers = Object.entries(mapping.providers);
  if (!providers.length) return <p class="muted">{t('providers_none')}</p>;
  return (
    <ul>
      {providers.map(([id, provider]) => (
        <li key={id}>
          <strong>{provider.name}</strong> ({t(MEDIA_LABEL[provider.media])}) <code>{provider.url}</code>{' '}
          <button
            type="button"
            class="secondary"
            aria-label={t('providers_removeNamed', provider.name)}
            onClick={() =>
              void store(withoutCustomProvider(mapping, id), t('providers_removed', provider.name))
            }
          >
            {t('providers_remove')}
          </button>
        </li>
      ))}
    </ul>
  );
}

interface TextFieldProps {
  label: string;
  name: string;
  value: string;
  /** Shown under the field, which names it for screen readers. */
  problem: Problem | false | undefined;
  /** What describes the field while it has no problem. */
  describedBy?: string;
  type?: string;
  placeholder?: string;
  onInput(value: string): void;
}

/** A labelled text input with its problem under it. */
function TextField({ label, name, value, problem, describedBy, type, placeholder, onInput }: TextFieldProps) {
  return (
    <>
      <label>
        {label}
        <input
          name={name}
          type={type}
          value={value}
          placeholder={placeholder}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${name}-problem` : describedBy}
          onInput={(event) => onInput(event.currentTarget.value)}
        />
      </label>
      {problem && (
        <span class="problem" id={`${name}-problem`}>
          {problemText(problem)}
        </span>
      )}
    </>
  );
}

/** Adds a provider: a name, a media and an https address, checked as typed, with a live example link. */
function AddProviderForm({ mapping, store }: { mapping: Mapping; store: Store }) {
  const [name, setName] = useState('');
  const [media, setMedia] = useState<MediaKind>('music');
  const [url, setUrl] = useState('');
  const [tried, setTried] = useState(false);

  const draft = { name, media, url };
  const problems = providerProblems(draft, mapping);
  const exampleQuery = applyMapping(mapping).queries[media].match.happy[0]!;
  const showName = (tried || name !== '') && problems.name;
  const showUrl = (tried || url !== '') && problems.url;

  async function add(event: Event) {
    event.preventDefault();
    setTried(true);
    if (problems.name || problems.url) return;
    if (await store(withCustomProvider(mapping, draft), t('providers_added', name.trim()))) {
      setName('');
      setUrl('');
      setTried(false);
    }
  }

  return (
    <form class="add-provider" onSubmit={(event) => void add(event)} noValidate>
      <TextField
        label={t('providers_name')}
        name="provider-name"
        value={name}
        problem={showName}
        onInput={setName}
      />
      <label>
        {t('providers_media')}
        <MediaSelect name="provider-media" value={media} onChange={setMedia} />
      </label>
      <TextField
        label={t('providers_url')}
        name="provider-url"
        type="url"
        value={url}
        placeholder={t('providers_urlPlaceholder')}
        problem={showUrl}
        describedBy="provider-url-example"
        onInput={setUrl}
      />
      {!problems.url && (
        <p class="example" id="provider-url-example">
          {t('providers_example')}{' '}
          <a href={fillTemplate(url.trim(), exampleQuery)} target="_blank" rel="noreferrer">
            {fillTemplate(url.trim(), exampleQuery)}
          </a>
        </p>
      )}
      <button type="submit" class="primary">
        {t('providers_add')}
      </button>
    </form>
  );
}

/** Lists the user's providers and adds new ones, with the URL checked and a live example link. */
export function CustomProviders({ mapping, onSave }: CustomProvidersProps) {
  const { status, store } = useSaving(onSave);
  return (
    <section class="custom-providers" aria-labelledby="custom-providers-heading">
      <h3 id="custom-providers-heading">{t('providers_title')}</h3>
      <p class="muted">{t('providers_intro')}</p>
      <ProviderList mapping={mapping} store={store} />
      <AddProviderForm mapping={mapping} store={store} />
      <p class="status muted" role="status">
        {status}
      </p>
    </section>
  );
}
