import { t } from '../../../platform/i18n';
import { errorMessageKey, toErrorInfo } from '../../../common/errors';

/** What the section says when storage refused a change: the error's own message, as elsewhere. */
export const saveFailed = (error: unknown): string =>
  t('recs_saveFailed', t(errorMessageKey(toErrorInfo(error).code)));
