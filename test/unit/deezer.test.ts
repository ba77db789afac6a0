/** Deezer previews: the request carries only the query; the recorded-shape responses parse safely. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DEEZER_REQUEST,
  deezerSearchUrl,
  parseDeezerSearch,
  PREVIEW_COUNT,
} from '../../src/recommendation/deezer';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'deezer', name), 'utf8'));

describe('Deezer previews', () => {
  it('asks for five tracks with only the query in the URL, no credentials, no referrer', () => {
    const url = new URL(deezerSearchUrl('sad songs & more'));
    expect(url.origin).toBe('https://api.deezer.com');
    expect(url.pathname).toBe('/search');
    expect([...url.searchParams]).toEqual([
      ['q', 'sad songs & more'],
      ['limit', String(PREVIEW_COUNT)],
    ]);
    expect(DEEZER_REQUEST).toEqual({ credentials: 'omit', referrerPolicy: 'no-referrer', cache: 'no-store' });
  });

  it('lists the playable tracks of a search, in order, leaving out one without a preview', () => {
    const tracks = parseDeezerSearch(fixture('search-sad-songs.json'));
    expect(tracks.map((t) => [t.title, t.artist])).toEqual([
      ['Rain on the Window', 'The Quiet Hours'],
      ['Letters I Never Sent', 'Mara Vale'],
      ['Blue November', 'June & the Echoes'],
      ['Empty Platform', 'Northbound'],
    ]);
    expect(tracks[0]!.previewUrl).toMatch(/^https:\/\/cdnt-preview\.dzcdn\.net\/api\/1\/1\/1\//);
    expect(tracks[0]!.link).toBe('https://www.deezer.com/track/3135551');
    expect(tracks[3]!.link).toBeUndefined();
  });

  it("keeps only https previews on Deezer's CDN, and only deezer.com links", () => {
    const tracks = parseDeezerSearch(fixture('search-odd-tracks.json'));
    expect(tracks.map((t) => t.title)).toEqual(['Fine', 'Bad link']);
    expect(tracks[1]!.link).toBeUndefined();
  });

  it("says when nothing was found, and reports Deezer's own errors", () => {
    expect(parseDeezerSearch(fixture('search-no-results.json'))).toEqual([]);
    expect(() => parseDeezerSearch(fixture('error-quota.json'))).toThrow('Deezer: Quota limit exceeded');
    expect(() => parseDeezerSearch({ error: null })).toThrow('Deezer: unknown error');
    expect(() => parseDeezerSearch('<html>')).toThrow('no track list');
  });

  it('never lists more than five', () => {
    const many = {
      data: Array.from(
        { length: 9 },
        () => (fixture('search-sad-songs.json') as { data: unknown[] }).data[0],
      ),
    };
    expect(parseDeezerSearch(many)).toHaveLength(PREVIEW_COUNT);
  });
});
