/** A problem (src/common/i18n.ts) as an English reader of the page sees it: "where: what is wrong". */
import en from '../../../_locales/en/messages.json';
import { formatMessage, type Problem } from '../../../src/common/i18n';

export function english(problem: Problem | undefined): string | undefined {
  if (!problem) return undefined;
  const text = formatMessage(en, problem.key, problem.subs);
  return problem.at ? `${problem.at}: ${text}` : text;
}
