/**
 * The mood journal in the web app: the options page's own parts (src/ui), on the web storage.
 * "Your moods" (the patterns report, the charts and every entry), the journal's settings (on or
 * off, how long entries are kept) and its data (export, import, delete everything); the web
 * build's src/platform/stored is the IndexedDB registry.
 */
import { DataSection } from '../../ui/journal-data';
import { JournalSection } from '../../ui/journal-settings';
import { MoodsSection } from '../../ui/moods';
import { t } from '../i18n';

export function JournalArea() {
  return (
    <>
      <section id="moods" class="journal-area" aria-labelledby="moods-title">
        <h2 id="moods-title">{t('options_moodsTitle')}</h2>
        <MoodsSection />
      </section>
      <section id="journal" class="journal-area" aria-labelledby="journal-title">
        <h2 id="journal-title">{t('options_journalTitle')}</h2>
        <JournalSection />
      </section>
      <section id="data" class="journal-area" aria-labelledby="data-title">
        <h2 id="data-title">{t('options_dataTitle')}</h2>
        <DataSection />
      </section>
    </>
  );
}
