/**
 * The words of the mood-patterns report: in every locale, gentle and never a diagnosis. No
 * illness is named, nor anything a clinic would say of a person; the helpline is a link, not a
 * promise of care.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PATTERN_MESSAGE_KEYS } from '../../src/journal/patterns';
import { LOCALES, type MessageCatalogue } from '../../src/common/i18n';

const catalogue = (locale: string): MessageCatalogue =>
  JSON.parse(readFileSync(join(__dirname, '..', '..', '_locales', locale, 'messages.json'), 'utf8'));

/** Word stems, matched case-insensitively at the start of a word. */
const DIAGNOSTIC: Record<(typeof LOCALES)[number], string[]> = {
  en: [
    'depress',
    'bipolar',
    'disorder',
    'diagnos',
    'mania',
    'manic',
    'borderline',
    'illness',
    'disease',
    'clinical',
    'symptom',
    'patient',
    'psychiatr',
    'pathol',
    'dysthymi',
    'cyclothymi',
    'anxiety',
    'mental health condition',
    'unstable',
    'abnormal',
    'suffer',
  ],
  de: [
    'depress',
    'bipolar',
    'störung',
    'diagnos',
    'manie',
    'manisch',
    'borderline',
    'krankheit',
    'erkrank',
    'krank',
    'klinisch',
    'symptom',
    'patient',
    'psychiatr',
    'patholog',
    'dysthym',
    'zyklothym',
    'angststörung',
    'instabil',
    'abnorm',
    'leiden',
  ],
  es: [
    'depres',
    'bipolar',
    'trastorno',
    'diagnós',
    'diagnost',
    'manía',
    'maníac',
    'límite',
    'enfermedad',
    'enferm',
    'clínic',
    'síntoma',
    'paciente',
    'psiquiátr',
    'patológ',
    'distimi',
    'ciclotimi',
    'ansiedad',
    'inestab',
    'anormal',
    'padec',
    'sufr',
  ],
};

describe('mood patterns: words', () => {
  it('has every key it uses in every locale', () => {
    expect(PATTERN_MESSAGE_KEYS.length).toBeGreaterThanOrEqual(20);
    for (const locale of LOCALES) {
      const messages = catalogue(locale);
      expect({ locale, missing: PATTERN_MESSAGE_KEYS.filter((key) => !messages[key]) }).toEqual({
        locale,
        missing: [],
      });
    }
  });

  it.each(LOCALES.map((locale) => [locale]))('%s names no illness and makes no diagnosis', (locale) => {
    const messages = catalogue(locale);
    // The report's own words, and the pages' around it ("Your patterns", the popup's note).
    const keys = new Set([
      ...PATTERN_MESSAGE_KEYS,
      ...Object.keys(messages).filter((key) => key.startsWith('patterns_')),
    ]);
    expect(keys.has('patterns_popupNote')).toBe(true);
    const found = [...keys].flatMap((key) => {
      const text = messages[key]!.message.toLowerCase();
      return DIAGNOSTIC[locale]
        .filter((stem) => new RegExp(`(^|[^\\p{L}])${stem}`, 'u').test(text))
        .map((stem) => `${key}: ${stem}`);
    });
    expect(found).toEqual([]);
  });

  it('would catch one (the scan is not blind)', () => {
    const text = 'Your readings suggest Depression.'.toLowerCase();
    expect(DIAGNOSTIC.en.some((stem) => new RegExp(`(^|[^\\p{L}])${stem}`, 'u').test(text))).toBe(true);
  });

  it('links the helpline by name in every locale, and promises nothing', () => {
    for (const locale of LOCALES)
      expect(catalogue(locale).patterns_supportLink!.message).toContain('findahelpline.com');
  });
});
