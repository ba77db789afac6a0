import { extensionIdentity, isFirefox, openCameraSettings } from '../../platform/browserApi';
import { t } from '../../platform/i18n';

/**
 * What to do when the camera is blocked for Moodtab: the exact steps in this browser's settings.
 * A blocked permission is remembered per extension, so asking again does nothing until it is lifted.
 * compact (the popup, which must fit in 600px): the heading also says that the camera is blocked,
 * in place of the popup's longer status line, one level under the popup's h1.
 */
export function CameraHelp({ compact = false }: { compact?: boolean }) {
  const address = extensionIdentity().origin.replace(/\/$/, '');
  const firefox = isFirefox();
  // In the popup it comes right under the page's h1; on the welcome page, inside a section's h2.
  const Heading = compact ? 'h2' : 'h3';
  return (
    <section class="camera-help" aria-labelledby="camera-help-title">
      <Heading id="camera-help-title">{t(compact ? 'cameraHelp_blockedTitle' : 'cameraHelp_title')}</Heading>
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
