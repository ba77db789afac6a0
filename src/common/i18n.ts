/**
 * The message catalogue's shape and the one formatting rule, shared by the browser (through
 * browser.i18n) and the tests and Node tools (through the catalogue files themselves).
 * Keys are typed from _locales/en/messages.json: a t() call with a key English lacks does not compile.
 */
import type english from '../../_locales/en/messages.json';

export type MessageKey = keyof typeof english;

export interface CatalogueMessage {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
export type MessageCatalogue = Record<string, CatalogueMessage>;

/** The locales Moodtab ships, English first (the manifest's default_locale). */
export const LOCALES = ['en', 'de', 'es'] as const;

const fillPositional = (text: string, subs: readonly string[]) =>
  text.replace(/\$(\$|[1-9])/g, (_, index: string) =>
    index === '$' ? '$' : (subs[Number(index) - 1] ?? ''),
  );

/**
 * Formats a message as browser.i18n.getMessage does: named placeholders ($NAME$, any case) take
 * their `content`, in which $1..$9 are the substitutions; `$$` is a dollar sign. A missing key
 * gives '' as the browser does.
 */
export function formatMessage(
  catalogue: MessageCatalogue,
  key: string,
  subs: readonly string[] = [],
): string {
  const entry = Object.prototype.hasOwnProperty.call(catalogue, key) ? catalogue[key] : undefined;
  if (!entry) return '';
  const placeholders = Object.fromEntries(
    Object.entries(entry.placeholders ?? {}).map(([name, { content }]) => [name.toLowerCase(), content]),
  );
  const named = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
    const content = placeholders[name.toLowerCase()];
    return content === undefined ? whole : fillPositional(content, subs);
  });
  return fillPositional(named, subs);
}

/**
 * What is wrong with something the user typed or imported, in words any locale can give: a message
 * key and what fills its placeholders; `at`: where in a file, as a path (queries.music.match.sad).
 */
export interface Problem {
  key: MessageKey;
  subs: string[];
  at?: string;
}

export const problem = (key: MessageKey, ...subs: (string | number)[]): Problem => ({
  key,
  subs: subs.map(String),
});
