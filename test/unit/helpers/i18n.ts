/**
 * Stands in for src/platform/i18n in the unit tests (jest.config.js maps it here): the same
 * formatting as browser.i18n over the shipped catalogues, English unless a test picks another.
 */
import de from '../../../_locales/de/messages.json';
import en from '../../../_locales/en/messages.json';
import es from '../../../_locales/es/messages.json';
import { formatMessage, type MessageCatalogue, type MessageKey } from '../../../src/common/i18n';

export const CATALOGUES: Record<string, MessageCatalogue> = { en, de, es };

let language = 'en';

/** Switches the language t() answers in, until the next call (tests reset it in afterEach). */
export function useLanguage(next: string): void {
  language = next;
}

export function t(key: MessageKey, ...subs: (string | number)[]): string {
  return (
    formatMessage(CATALOGUES[language]!, key, subs.map(String)) ||
    formatMessage(en, key, subs.map(String)) ||
    key
  );
}

export const uiLanguage = (): string => language;

export function localizePage(titleKey: MessageKey): void {
  document.documentElement.lang = language;
  document.title = t(titleKey);
}
