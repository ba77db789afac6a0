import { t } from '../platform/i18n';
import { Logo } from '../ui/logo';
import { SECTIONS } from './sections';

/**
 * All of Moodtab's settings, the mood journal and its data controls, one card each, with a side
 * menu (a row of links on narrow windows) that stays in view.
 */
export function App() {
  return (
    <div class="layout">
      <header>
        <h1>
          <Logo size={32} />
          {t('options_title')}
        </h1>
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
          <section key={id} id={id} class="card" aria-labelledby={`${id}-title`}>
            <h2 id={`${id}-title`}>{t(title)}</h2>
            <Component />
          </section>
        ))}
      </main>
    </div>
  );
}
