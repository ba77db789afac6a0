import { useEffect, useState } from 'preact/hooks';
import {
  hasHostPermission,
  removeHostPermission,
  requestHostPermission,
} from '../../../../platform/browserApi';
import { t } from '../../../../platform/i18n';
import { DEEZER_API_ORIGINS } from '../../../../recommendation/deezer';
import { errorMessageKey, toErrorInfo } from '../../../../common/errors';

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
          if (wanted && !now) setStatus(t('previewsOptIn_denied'));
        },
        (error: unknown) => setStatus(t('previewsOptIn_failed', t(errorMessageKey(toErrorInfo(error).code)))),
      );
  }

  return (
    <section class="previews-opt-in" aria-labelledby="previews-opt-in-heading">
      <h3 id="previews-opt-in-heading">{t('previewsOptIn_title')}</h3>
      <label>
        <input
          type="checkbox"
          name="deezer-previews"
          checked={held === true}
          disabled={held === undefined}
          onChange={(event) => change(event.currentTarget.checked)}
        />{' '}
        {t('previewsOptIn_label')}
      </label>
      <p class="muted">{t('previewsOptIn_why')}</p>
      <p class="status muted" role="status">
        {status}
      </p>
    </section>
  );
}
