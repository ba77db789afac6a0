/** What the extension says, as an English reader sees it: the browsers run with the English UI. */
import english from '../../_locales/en/messages.json';
import { errorMessageKey, type ErrorCode } from '../../src/common/errors';
import { formatMessage, type MessageKey } from '../../src/common/i18n';

export const englishText = (key: MessageKey, ...subs: (string | number)[]): string =>
  formatMessage(english, key, subs.map(String));

/** The message the popup shows for an error. */
export const errorText = (code: ErrorCode): string => englishText(errorMessageKey(code));

export { english };
