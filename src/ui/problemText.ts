import { t } from '../platform/i18n';
import type { Problem } from '../common/i18n';

/** A problem (common/i18n.ts) in the user's language. */
export const problemText = ({ key, subs }: Problem): string => t(key, ...subs);
