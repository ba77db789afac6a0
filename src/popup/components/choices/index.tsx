import { ANY_PROVIDER, providersFor, type Catalogue } from '../../../shared/catalogue';
import { isStrategy, MEDIA_KINDS, STRATEGIES } from '../../../shared/moods';
import { providerIdFor, type Settings } from '../../../shared/settings';
import { STRINGS } from './strings';

interface ChoicesProps {
  settings: Settings;
  /** The user's catalogue: their own providers are offered too. */
  catalogue: Catalogue;
  disabled: boolean;
  onChange(patch: Partial<Settings>): void;
}

/**
 * What to open (media, provider for that media, whether picks match or lift the mood) and whether
 * the snapshot waits for a countdown.
 */
export function Choices({ settings, catalogue, disabled, onChange }: ChoicesProps) {
  const providers = providersFor(settings.media, catalogue);
  const chosen = providerIdFor(settings);
  // A provider the user has since removed falls back to the default, as the background does.
  const selected =
    chosen === ANY_PROVIDER || providers.some((p) => p.id === chosen)
      ? chosen
      : catalogue.defaultProvider[settings.media];
  return (
    <>
      <fieldset class="media" disabled={disabled}>
        <legend>{STRINGS.open}</legend>
        {MEDIA_KINDS.map((media) => (
          <label key={media}>
            <input
              type="radio"
              name="media"
              value={media}
              checked={settings.media === media}
              onChange={() => onChange({ media })}
            />
            {STRINGS.media[media]}
          </label>
        ))}
      </fieldset>
      <div class="options">
        <label>
          {STRINGS.from}{' '}
          <select
            name="provider"
            value={selected}
            disabled={disabled}
            onChange={(event) => onChange({ providers: { [settings.media]: event.currentTarget.value } })}
          >
            {providers.map((provider) => (
              <option key={provider.id} value={provider.id}>
                {provider.account ? STRINGS.needsAccount(provider.name) : provider.name}
              </option>
            ))}
            <option value={ANY_PROVIDER}>{STRINGS.anyProvider}</option>
          </select>
        </label>
        <label>
          {STRINGS.picksThat}{' '}
          <select
            name="strategy"
            value={settings.strategy}
            disabled={disabled}
            onChange={(event) => {
              const strategy = event.currentTarget.value;
              if (isStrategy(strategy)) onChange({ strategy });
            }}
          >
            {STRATEGIES.map((strategy) => (
              <option key={strategy} value={strategy}>
                {STRINGS.strategy[strategy]}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input
            type="checkbox"
            name="countdown"
            checked={settings.countdown}
            disabled={disabled}
            onChange={(event) => onChange({ countdown: event.currentTarget.checked })}
          />{' '}
          {STRINGS.countdown}
        </label>
      </div>
    </>
  );
}
