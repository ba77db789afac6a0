import { t } from '../platform/i18n';
import { SECTIONS } from './sections';

/** All of Moodtab's settings, the mood journal and its data controls, one section each. */
export function App() {
  return (
    <>
      <header>
        <h1>{t('options_title')}</h1>
        <nav aria-label={t('options_navLabel')}>
          <ul>
            {SECTIONS.map(({ id, title }) => (
              <li key={id}>
                <a href={`#${id}`}>{t(title)}</a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main>
        {SECTIONS.map(({ id, title, Component }) => (
          <section key={id} id={id} aria-labelledby={`${id}-title`}>
            <h2 id={`${id}-title`}>{t(title)}</h2>
            <Component />
          </section>
        ))}
      </main>
    </>
  );
}
