import type { Recommendation } from '../../recommendation/catalogue';
import { t } from '../i18n';

/**
 * The media picked for the mood. A page may open a new tab only in answer to a click, so nothing
 * opens by itself: the click opens it with window.open, keeping this page (and its result) as it
 * is; the href is there for long-press, copy and middle-click.
 */
export function OpenLink({ pick }: { pick: Recommendation }) {
  const open = (event: MouseEvent) => {
    event.preventDefault();
    window.open(pick.url, '_blank', 'noopener,noreferrer');
  };
  return (
    <a class="open-media" href={pick.url} target="_blank" rel="noreferrer" onClick={open}>
      {t('web_open', pick.provider.name, pick.query)}
    </a>
  );
}
