import { t } from '../platform/i18n';
import { Shortcut } from '../ui/shortcut';
import { TeachFace } from '../ui/teach-face';
import { CameraSection } from './components/camera';
import { JournalSection } from './components/journal';

/** Shown once, on install: what Moodtab does, what stays private, the camera, the shortcut, the journal. */
export function App() {
  return (
    <main>
      <h1>{t('welcome_title')}</h1>
      <ol class="what">
        <li>{t('welcome_what1')}</li>
        <li>{t('welcome_what2')}</li>
        <li>{t('welcome_what3')}</li>
      </ol>
      <section aria-labelledby="privacy-title">
        <h2 id="privacy-title">{t('welcome_privacyTitle')}</h2>
        <ul>
          <li>{t('welcome_privacyDevice')}</li>
          <li>{t('welcome_privacyProvider')}</li>
          <li>{t('welcome_privacyStored')}</li>
        </ul>
      </section>
      <CameraSection />
      <TeachFace headingLevel={2} />
      <section aria-labelledby="shortcut-title">
        <h2 id="shortcut-title">{t('welcome_shortcutTitle')}</h2>
        <Shortcut />
      </section>
      <JournalSection />
    </main>
  );
}
