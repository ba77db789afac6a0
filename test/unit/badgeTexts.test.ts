/** What the toolbar icon says after a shortcut capture, in the browser's language. */
import { BADGE } from '../../src/background/badgeTexts';
import { armsFor, recommendationFor } from '../../src/recommendation/catalogue';
import type { Pick } from '../../src/recommendation/picks';
import { useLanguage } from './helpers/i18n';

afterEach(() => useLanguage('en'));

const pick: Pick = {
  ...recommendationFor(armsFor('calm', 'music', 'match', 'spotify')[0]!, 'calm', 'music', 'match'),
  id: 'pick-1',
  source: 'camera',
  captureId: 'capture-1',
};

describe('badge texts', () => {
  it('says what an unsure shortcut capture opened, and how to correct it', () => {
    expect(BADGE.unsure.title(['calm', 'sad'], pick)).toBe(
      'Moodtab was not sure: calm or sad? It opened Spotify for calm. Click to pick your mood if that was wrong.',
    );
    useLanguage('de');
    expect(BADGE.unsure.title(['calm', 'sad'], pick)).toBe(
      'Moodtab war nicht sicher: ruhig oder traurig? Es hat Spotify für „ruhig“ geöffnet. Klicke hier, um deine Stimmung zu wählen, falls das nicht stimmt.',
    );
  });

  it('names a failure by its message, and the idle icon by its action', () => {
    expect(BADGE.failed.title('no-face')).toBe(
      'Moodtab: No face was found. Face the camera in good light and try again.',
    );
    useLanguage('es');
    expect(BADGE.idleTitle()).toBe('Moodtab: captar mi estado de ánimo');
  });
});
