import { extensionIdentity, isFirefox, openCameraSettings } from '../../platform/browserApi';
import { t } from '../../platform/i18n';

/**
 * What to do when the camera is blocked for Moodtab: the exact steps in this browser's settings.
 * A blocked permission is remembered per extension, so asking again does nothing until it is lifted.
 */
export function CameraHelp() {
  const address = extensionIdentity().origin.replace(/\/$/, '');
  const firefox = isFirefox();
  return (
    <section class="camera-help" aria-labelledby="camera-help-title">
      <h3 id="camera-help-title">{t('cameraHelp_title')}</h3>
      {firefox ? (
        <ol class="steps">
          <li>{t('cameraHelp_firefox1', 'about:preferences#privacy')}</li>
          <li>{t('cameraHelp_firefox2')}</li>
          <li>{t('cameraHelp_firefox3', address)}</li>
          <li>{t('cameraHelp_firefox4')}</li>
        </ol>
      ) : (
        <>
          <ol class="steps">
            <li>{t('cameraHelp_chrome1', 'chrome://settings/content/camera')}</li>
            <li>{t('cameraHelp_chrome2', address)}</li>
            <li>{t('cameraHelp_chrome3')}</li>
            <li>{t('cameraHelp_chrome4')}</li>
          </ol>
          <button
            type="button"
            class="secondary"
            onClick={() => void openCameraSettings().catch(() => undefined)}
          >
            {t('cameraHelp_openChromeSettings')}
          </button>
        </>
      )}
    </section>
  );
}
