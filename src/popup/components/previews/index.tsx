import { useEffect, useState } from 'preact/hooks';
import { t } from '../../../platform/i18n';
import type { PreviewTrack } from '../../../recommendation/deezer';
import { fetchPreviews } from './fetchPreviews';

type Previews =
  { state: 'loading' } | { state: 'ready'; tracks: PreviewTrack[] } | { state: 'failed'; reason: string };

/**
 * Five 30-second previews for the opened query, playable here (shown only to users who opted in,
 * which granted the host permission). Nothing plays until the user presses play.
 */
export function Previews({ query }: { query: string }) {
  const [previews, setPreviews] = useState<Previews>({ state: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    setPreviews({ state: 'loading' });
    fetchPreviews(query, controller.signal).then(
      (tracks) => {
        if (!controller.signal.aborted) setPreviews({ state: 'ready', tracks });
      },
      (error: unknown) => {
        if (!controller.signal.aborted)
          setPreviews({ state: 'failed', reason: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => controller.abort();
  }, [query]);

  return (
    <section class="previews" aria-label={t('previews_title')}>
      <h3>{t('previews_title')}</h3>
      {previews.state === 'loading' && <p class="note">{t('previews_loading')}</p>}
      {previews.state === 'failed' && <p class="note">{t('previews_failed', previews.reason)}</p>}
      {previews.state === 'ready' && !previews.tracks.length && (
        <p class="note">{t('previews_none', query)}</p>
      )}
      {previews.state === 'ready' && previews.tracks.length > 0 && (
        <ol>
          {previews.tracks.map((track) => (
            <li key={track.previewUrl}>
              <span class="track">
                {track.title} <span class="artist">{track.artist}</span>
              </span>
              <audio
                controls
                preload="none"
                src={track.previewUrl}
                aria-label={t('previews_player', track.title, track.artist)}
              />
            </li>
          ))}
        </ol>
      )}
      <p class="note">{t('previews_sent', query)}</p>
    </section>
  );
}
