import { providersFor } from '../../../shared/catalogue';
import { isStrategy, MEDIA_KINDS, type MediaKind, type Strategy } from '../../../shared/moods';
import { providerIdFor, type Settings } from '../../../shared/settings';

const MEDIA_LABEL: Record<MediaKind, string> = { music: 'Music', movies: 'Movies', pictures: 'Pictures' };
const STRATEGY_LABEL: Record<Strategy, string> = { match: 'match my mood', lift: 'lift my mood' };

interface ChoicesProps {
  settings: Settings;
  disabled: boolean;
  onChange(patch: Partial<Settings>): void;
}

/**
 * What to open (media, provider for that media, whether picks match or lift the mood) and whether
 * the snapshot waits for a countdown.
 */
export function Choices({ settings, disabled, onChange }: ChoicesProps) {
  return (
    <>
      <fieldset class="media" disabled={disabled}>
        <legend>Open</legend>
        {MEDIA_KINDS.map((media) => (
          <label key={media}>
            <input
              type="radio"
              name="media"
              value={media}
              checked={settings.media === media}
              onChange={() => onChange({ media })}
            />
            {MEDIA_LABEL[media]}
          </label>
        ))}
      </fieldset>
      <div class="options">
        <label>
          From{' '}
          <select
            value={providerIdFor(settings)}
            disabled={disabled}
            onChange={(event) => onChange({ providers: { [settings.media]: event.currentTarget.value } })}
          >
            {providersFor(settings.media).map((provider) => (
              <option key={provider.id} value={provider.id}>
                {provider.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Picks that{' '}
          <select
            value={settings.strategy}
            disabled={disabled}
            onChange={(event) => {
              const strategy = event.currentTarget.value;
              if (isStrategy(strategy)) onChange({ strategy });
            }}
          >
            {Object.entries(STRATEGY_LABEL).map(([strategy, label]) => (
              <option key={strategy} value={strategy}>
                {label}
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
          Count down 3-2-1 before the snapshot
        </label>
      </div>
    </>
  );
}
