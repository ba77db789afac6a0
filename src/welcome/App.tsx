import { t } from '../platform/i18n';
import { Logo } from '../ui/logo';
import { Shortcut } from '../ui/shortcut';
import { TeachFace } from '../ui/teach-face';
import { CameraSection } from './components/camera';
import { JournalSection } from './components/journal';
import { PinSection } from './components/pin';

/**
 * Shown once, on install: what Moodtab does, where its icon is, the camera, what stays private,
 * the shortcut, the journal.
 */
export function App() {
  return (
    <main>
      <h1>
        <Logo size={48} />
        {t('welcome_title')}
      </h1>
      <ol class="what">
        <li>{t('welcome_what1')}</li>
        <li>{t('welcome_what2')}</li>
        <li>{t('welcome_what3')}</li>
      </ol>
      <PinSection />
      <CameraSection />
      <TeachFace headingLevel={2} />
      <section aria-labelledby="privacy-title">
        <h2 id="privacy-title">{t('welcome_privacyTitle')}</h2>
        <ul>
          <li>{t('welcome_privacyDevice')}</li>
          <li>{t('welcome_privacyProvider')}</li>
          <li>{t('welcome_privacyStored')}</li>
        </ul>
      </section>
      <section aria-labelledby="shortcut-title">
        <h2 id="shortcut-title">{t('welcome_shortcutTitle')}</h2>
        <Shortcut />
      </section>
      <JournalSection />
    </main>
  );
}
