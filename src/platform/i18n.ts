/**
 * Every user-visible string goes through t(): the browser picks the user's language from
 * _locales. The unit tests map this module to the English catalogue (jest.config.js).
 */
import browser from 'webextension-polyfill';
import type { MessageKey } from '../common/i18n';

/** The message for `key` in the user's language, with $1.. filled from `subs`. */
export function t(key: MessageKey, ...subs: (string | number)[]): string {
  // A key missing from the user's locale falls back to English in the browser; an empty answer
  // means it is missing everywhere, which the locale test rules out. Show the key, not nothing.
  return browser.i18n.getMessage(key, subs.map(String)) || key;
}

/** The language the browser shows its UI in (e.g. "de"), for dates and numbers. */
export const uiLanguage = (): string => browser.i18n.getUILanguage();

/** Sets the page's language, text direction and title, so screen readers pronounce it right. */
export function localizePage(titleKey: MessageKey): void {
  document.documentElement.lang = uiLanguage();
  document.documentElement.dir = browser.i18n.getMessage('@@bidi_dir') || 'ltr';
  document.title = t(titleKey);
}
