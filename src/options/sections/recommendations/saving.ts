import { useState } from 'preact/hooks';
import { t } from '../../../platform/i18n';
import { errorMessageKey, toErrorInfo } from '../../../common/errors';

/** What the section says when storage refused a change: the error's own message, as elsewhere. */
export const saveFailed = (error: unknown): string =>
  t('recs_saveFailed', t(errorMessageKey(toErrorInfo(error).code)));

/**
 * A status line for an editor that saves the mapping: `store` saves, then says `done`, or why the
 * save failed; it resolves to whether it saved.
 */
export function useSaving<T>(onSave: (next: T) => Promise<void>) {
  const [status, setStatus] = useState('');
  async function store(next: T, done: string): Promise<boolean> {
    try {
      await onSave(next);
      setStatus(done);
      return true;
    } catch (error) {
      setStatus(saveFailed(error));
      return false;
    }
  }
  return { status, setStatus, store };
}
