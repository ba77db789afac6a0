import { t } from '../platform/i18n';
import type { Problem } from '../shared/i18n';

/** A problem (shared/i18n.ts) in the user's language. */
export const problemText = ({ key, subs }: Problem): string => t(key, ...subs);
