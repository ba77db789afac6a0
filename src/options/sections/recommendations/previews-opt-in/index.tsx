import { useEffect, useState } from 'preact/hooks';
import {
  hasHostPermission,
  removeHostPermission,
  requestHostPermission,
} from '../../../../platform/browserApi';
import { DEEZER_API_ORIGINS } from '../../../../shared/deezer';
import { STRINGS } from './strings';

/**
 * The opt-in for Deezer previews: the optional host permission itself is the setting, so nothing
 * is held, and nothing sent, until the user ticks the box.
 */
export function PreviewsOptIn() {
  const [held, setHeld] = useState<boolean | undefined>(undefined);
  const [status, setStatus] = useState('');

  useEffect(() => {
    hasHostPermission(DEEZER_API_ORIGINS).then(setHeld, () => setHeld(false));
  }, []);

  function change(wanted: boolean) {
    // The request must start in the click itself (Firefox refuses it after an await).
    const request = wanted
      ? requestHostPermission(DEEZER_API_ORIGINS)
      : removeHostPermission(DEEZER_API_ORIGINS);
    setStatus('');
    request
      .then(() => hasHostPermission(DEEZER_API_ORIGINS))
      .then(
        (now) => {
          setHeld(now);
          if (wanted && !now) setStatus(STRINGS.denied);
        },
        (error: unknown) => setStatus(STRINGS.failed(error instanceof Error ? error.message : String(error))),
      );
  }

  return (
    <section class="previews-opt-in" aria-labelledby="previews-opt-in-heading">
      <h3 id="previews-opt-in-heading">{STRINGS.heading}</h3>
      <label>
        <input
          type="checkbox"
          name="deezer-previews"
          checked={held === true}
          disabled={held === undefined}
          onChange={(event) => change(event.currentTarget.checked)}
        />{' '}
        {STRINGS.label}
      </label>
      <p class="note">{STRINGS.why}</p>
      <p class="status" aria-live="polite">
        {status}
      </p>
    </section>
  );
}
