import {
  DEEZER_REQUEST,
  deezerSearchUrl,
  parseDeezerSearch,
  type PreviewTrack,
} from '../../../recommendation/deezer';

/** Up to five 30-second previews for the query; only the query is sent (DEEZER_REQUEST). */
export async function fetchPreviews(query: string, signal?: AbortSignal): Promise<PreviewTrack[]> {
  const response = await fetch(deezerSearchUrl(query), { ...DEEZER_REQUEST, ...(signal ? { signal } : {}) });
  if (!response.ok) throw new Error(`Deezer answered ${response.status}`);
  return parseDeezerSearch(await response.json());
}
