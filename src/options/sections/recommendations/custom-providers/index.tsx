import { useState } from 'preact/hooks';
import { t } from '../../../../platform/i18n';
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
import { saveFailed } from '../saveFailed';

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
      setStatus(saveFailed(error));
      return false;
    }
  }

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

  const providers = Object.entries(mapping.providers);
  return (
    <section class="custom-providers" aria-labelledby="custom-providers-heading">
      <h3 id="custom-providers-heading">{t('providers_title')}</h3>
      <p class="muted">{t('providers_intro')}</p>
      {providers.length ? (
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
      ) : (
        <p class="muted">{t('providers_none')}</p>
      )}
      <form class="add-provider" onSubmit={(event) => void add(event)} noValidate>
        <label>
          {t('providers_name')}
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
            {problemText(showName)}
          </span>
        )}
        <label>
          {t('providers_media')}
          <MediaSelect name="provider-media" value={media} onChange={setMedia} />
        </label>
        <label>
          {t('providers_url')}
          <input
            name="provider-url"
            type="url"
            value={url}
            placeholder={t('providers_urlPlaceholder')}
            aria-invalid={showUrl ? true : undefined}
            aria-describedby={showUrl ? 'provider-url-problem' : 'provider-url-example'}
            onInput={(event) => setUrl(event.currentTarget.value)}
          />
        </label>
        {showUrl && (
          <span class="problem" id="provider-url-problem">
            {problemText(showUrl)}
          </span>
        )}
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
      <p class="status muted" role="status">
        {status}
      </p>
    </section>
  );
}
