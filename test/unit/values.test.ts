/** One check per value, the same wherever the value comes from. */
import {
  isPastTime,
  isProviderId,
  isQuery,
  isReading,
  nameLooks,
  providerNameProblem,
} from '../../src/recommendation/values';

describe('value checks', () => {
  it('provider ids: built-in and custom ones, never "-" or anything URL-like', () => {
    for (const id of ['spotify', 'youtube-music', 'custom-radio-garden']) expect(isProviderId(id)).toBe(true);
    for (const id of ['-', '-x', 'Spotify', 'https://x', 'a'.repeat(41), 7])
      expect(isProviderId(id)).toBe(false);
  });

  it('queries: at most 80 characters, no spaces at either end, nothing hidden', () => {
    expect(isQuery('sad songs')).toBe(true);
    for (const query of [
      '',
      ' sad',
      'x'.repeat(81),
      'a\nb',
      'a\u0000',
      'a\u202eb',
      'a\u2066b',
      'a\u200bb',
      7,
    ])
      expect(isQuery(query)).toBe(false);
  });

  it('provider names: a look-alike of a built-in one is refused, of the user\'s own it is "taken"', () => {
    const taken = { builtIn: ['Spotify', 'YouTube Music'], own: ['Radio Garden'] };
    expect(nameLooks('Ｙｏｕ Ｔｕｂｅ－ｍｕｓｉｃ')).toBe(nameLooks('YouTube Music'));
    expect(providerNameProblem('youtube  music', taken)).toMatchObject({ key: 'provider_nameBuiltIn' });
    expect(providerNameProblem('RADIO garden', taken)).toEqual({ taken: true });
    expect(providerNameProblem('Bandcamp', taken)).toBeUndefined();
  });

  it('times: real UTC instants, not later than now and a few minutes of skew', () => {
    const now = new Date('2025-03-03T12:00:00.000Z');
    expect(isPastTime('2025-03-03T12:04:59.000Z', now)).toBe(true);
    expect(isPastTime('2025-03-03T12:05:01.000Z', now)).toBe(false);
    expect(isPastTime('2025-02-30T10:00:00Z', now)).toBe(false);
    expect(isPastTime(42, now)).toBe(false);
  });

  it('readings: in 0..1 and summing to 1 within rounding', () => {
    const reading = { calm: 0.21, angry: 0.02, sad: 0.7, happy: 0.05, surprised: 0.02 };
    expect(isReading(reading)).toBe(true);
    expect(isReading({ ...reading, sad: 0.72 })).toBe(true); // rounding
    expect(isReading({ calm: 1, angry: 1, sad: 1, happy: 1, surprised: 1 })).toBe(false);
    expect(isReading({ ...reading, sad: 0.5 })).toBe(false);
  });
});
