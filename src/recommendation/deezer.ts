/**
 * Optional song previews from Deezer's public search API (no key, no account). Only the search
 * query is sent: no mood, no id, no cookie, no referrer. The request needs the host permission
 * below, which Moodtab holds only after the user opts in (optional_host_permissions).
 */
export const DEEZER_API_ORIGINS = ['https://api.deezer.com/*'];
export const PREVIEW_COUNT = 5;
const MAX_TEXT = 200;

export interface PreviewTrack {
  title: string;
  artist: string;
  /** A 30-second MP3 on Deezer's CDN (https, *.dzcdn.net). */
  previewUrl: string;
  /** The track's page on deezer.com, when given. */
  link?: string;
}

export const deezerSearchUrl = (query: string): string =>
  `https://api.deezer.com/search?q=${encodeURIComponent(query)}&limit=${PREVIEW_COUNT}`;

/** What fetch is given: nothing that could identify the user travels with the query. */
export const DEEZER_REQUEST: RequestInit = {
  credentials: 'omit',
  referrerPolicy: 'no-referrer',
  cache: 'no-store',
};

const httpsOn = (value: unknown, host: (hostname: string) => boolean): string | undefined => {
  if (typeof value !== 'string') return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && host(url.hostname) ? url.href : undefined;
  } catch {
    return undefined;
  }
};
const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() ? value.trim().slice(0, MAX_TEXT) : undefined;

/**
 * The playable tracks of a search response, at most PREVIEW_COUNT. Deezer answers errors with
 * HTTP 200 and an `error` object (quota, no data); those throw with Deezer's message. Tracks
 * without a preview, or whose preview is not on Deezer's CDN, are left out.
 */
export function parseDeezerSearch(body: unknown): PreviewTrack[] {
  const value = (typeof body === 'object' && body !== null ? body : {}) as {
    data?: unknown;
    error?: unknown;
  };
  if (value.error !== undefined) {
    const message = text((value.error as { message?: unknown } | null)?.message) ?? 'unknown error';
    throw new Error(`Deezer: ${message}`);
  }
  if (!Array.isArray(value.data)) throw new Error('Deezer: the answer holds no track list');
  const tracks: PreviewTrack[] = [];
  for (const item of value.data as unknown[]) {
    const track = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
    const title = text(track.title);
    const artist = text((track.artist as { name?: unknown } | null)?.name);
    const previewUrl = httpsOn(track.preview, (host) => host.endsWith('.dzcdn.net'));
    if (!title || !artist || !previewUrl) continue;
    const link = httpsOn(track.link, (host) => host === 'www.deezer.com');
    tracks.push({ title, artist, previewUrl, ...(link ? { link } : {}) });
    if (tracks.length === PREVIEW_COUNT) break;
  }
  return tracks;
}
