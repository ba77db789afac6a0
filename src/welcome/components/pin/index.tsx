import { isFirefox } from '../../../platform/browserApi';
import { t } from '../../../platform/i18n';

/** Where the toolbar icon is: both browsers first put a new extension's icon in their puzzle menu. */
export function PinSection() {
  const firefox = isFirefox();
  return (
    <section aria-labelledby="pin-title">
      <h2 id="pin-title">{t('welcome_pinTitle')}</h2>
      <ol class="steps">
        <li>{t(firefox ? 'welcome_pinFirefox1' : 'welcome_pinChrome1')}</li>
        <li>{t(firefox ? 'welcome_pinFirefox2' : 'welcome_pinChrome2')}</li>
      </ol>
    </section>
  );
}
