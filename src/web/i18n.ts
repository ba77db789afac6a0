/**
 * The web app's t(): the same _locales catalogues as the extension, bundled, in the first of the
 * user's languages (navigator.languages, read with Intl) that Moodtab ships, English otherwise.
 * The web build puts this module where src/platform/i18n is imported (webpack.config.js), so the
 * shared components in src/ui speak through it too; it has the same exports.
 */
import de from '../../_locales/de/messages.json';
import en from '../../_locales/en/messages.json';
import es from '../../_locales/es/messages.json';
import { formatMessage, LOCALES, type MessageCatalogue, type MessageKey } from '../common/i18n';

type Locale = (typeof LOCALES)[number];
const CATALOGUES: Record<Locale, MessageCatalogue> = { en, de, es };

const isLocale = (language: string): language is Locale => (LOCALES as readonly string[]).includes(language);

/** The first of `preferred` (BCP 47 tags, best first) that Moodtab ships, by its language. */
export function chooseLocale(preferred: readonly string[]): Locale {
  for (const tag of preferred) {
    try {
      const { language } = new Intl.Locale(tag);
      if (isLocale(language)) return language;
    } catch {
      // not a valid tag: try the next one
    }
  }
  return 'en';
}

const userLocale = (): Locale =>
  chooseLocale(typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]));

let locale: Locale | undefined;

/** The message for `key` in the user's language (English where that locale lacks it), $1.. filled from `subs`. */
export function t(key: MessageKey, ...subs: (string | number)[]): string {
  locale ??= userLocale();
  const strings = subs.map(String);
  return formatMessage(CATALOGUES[locale], key, strings) || formatMessage(en, key, strings) || key;
}

/** The language the app shows its words in, for dates and numbers. */
export const uiLanguage = (): string => (locale ??= userLocale());

/** Sets the page's language and title, so screen readers pronounce it right. */
export function localizePage(titleKey: MessageKey): void {
  document.documentElement.lang = uiLanguage();
  document.documentElement.dir = 'ltr';
  document.title = t(titleKey);
}
