/**
 * The journal's data, kept by the user: export (CSV, JSON), import (JSON) and "Delete everything".
 * The options page's "Your data" and the web app's, on each one's storage (src/platform/stored).
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t } from '../../platform/i18n';
import { errorMessageKey, toErrorInfo } from '../../common/errors';
import type { JournalEntry } from '../../journal/journal';
import {
  exportFileName,
  journalToCsv,
  journalToJson,
  MAX_IMPORT_BYTES,
  parseJournalFile,
} from '../../journal/journalFile';
import { journalStore, useJournalEntries } from '../hooks';
import { stored } from '../../platform/stored';

interface Status {
  text: string;
  error?: boolean;
}

/**
 * A download link for `text`: a blob: URL made here and revoked when the text changes, so no
 * `downloads` permission is needed and nothing leaves the device.
 */
function useBlobUrl(text: string, type: string): string {
  const url = useMemo(() => URL.createObjectURL(new Blob([text], { type })), [text, type]);
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  return url;
}

function readText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('unreadable file'));
    reader.readAsText(file);
  });
}

async function importFile(file: File): Promise<Status> {
  if (file.size > MAX_IMPORT_BYTES) return { text: t('import_tooLarge'), error: true };
  const { retention } = await stored.journalPrefs.load();
  const parsed = parseJournalFile(await readText(file), { now: new Date(), retention });
  if (!parsed.ok) return { text: t(parsed.problem.key, ...parsed.problem.subs), error: true };
  try {
    const { added, alreadyThere, tooOld } = await journalStore.importEntries(parsed.entries);
    return { text: t('import_done', added, alreadyThere, tooOld) };
  } catch (error) {
    const { code } = toErrorInfo(error);
    return { text: code === 'journal-full' ? t('import_full') : t(errorMessageKey(code)), error: true };
  }
}

function Exports({ entries }: { entries: JournalEntry[] }) {
  const today = new Date();
  const csv = useBlobUrl(
    useMemo(() => journalToCsv(entries), [entries]),
    'text/csv;charset=utf-8',
  );
  const json = useBlobUrl(
    useMemo(() => journalToJson(entries, new Date()), [entries]),
    'application/json',
  );
  return (
    <p class="exports">
      <a class="button" href={csv} download={exportFileName('csv', today)}>
        {t('data_exportCsv')}
      </a>{' '}
      <a class="button" href={json} download={exportFileName('json', today)}>
        {t('data_exportJson')}
      </a>
    </p>
  );
}

type Say = (status: Status) => void;

/** Imports a JSON export, checked before anything is stored. */
function Import({ say }: { say: Say }) {
  async function onFile(input: HTMLInputElement) {
    const file = input.files?.[0];
    if (!file) return;
    say({ text: t('import_reading') });
    say(await importFile(file).catch(() => ({ text: t('import_notJson'), error: true })));
    input.value = ''; // the same file can be chosen again
  }
  return (
    <>
      <h3>{t('data_importTitle')}</h3>
      <label for="import-file">{t('data_importLabel')}</label>{' '}
      <input
        id="import-file"
        type="file"
        accept=".json,application/json"
        onChange={(event) => void onFile(event.currentTarget)}
      />
      <p class="muted">{t('data_importWhat')}</p>
    </>
  );
}

/** "Delete everything", only after a confirmation whose safe choice has the focus. */
function DeleteEverything({ count, say }: { count: number; say: Say }) {
  const [confirming, setConfirming] = useState(false);
  const cancel = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) cancel.current?.focus();
  }, [confirming]);

  async function deleteEverything() {
    setConfirming(false);
    try {
      await journalStore.deleteAll();
      say({ text: t('data_deleted') });
    } catch (error) {
      say({ text: t(errorMessageKey(toErrorInfo(error).code)), error: true });
    }
    deleteButton.current?.focus();
  }

  return (
    <>
      <h3>{t('data_deleteTitle')}</h3>
      <button
        type="button"
        class="danger"
        ref={deleteButton}
        aria-expanded={confirming}
        onClick={() => setConfirming(true)}
      >
        {t('data_deleteEverything')}
      </button>
      {confirming && (
        <div class="confirm panel" role="group" aria-labelledby="delete-question">
          <p id="delete-question">{t('data_deleteQuestion', count)}</p>
          <button type="button" class="danger" onClick={() => void deleteEverything()}>
            {t('data_deleteConfirm')}
          </button>{' '}
          <button
            type="button"
            class="secondary"
            ref={cancel}
            onClick={() => {
              setConfirming(false);
              deleteButton.current?.focus();
            }}
          >
            {t('data_deleteCancel')}
          </button>
        </div>
      )}
    </>
  );
}

/** Export (CSV, JSON), import (JSON, checked before anything is stored) and "Delete everything". */
export function DataSection() {
  const entries = useJournalEntries();
  const [status, setStatus] = useState<Status>();
  if (!entries) return null;
  return (
    <>
      <h3>{t('data_exportTitle')}</h3>
      <p class="muted">{t('data_exportWhat')}</p>
      <Exports entries={entries} />
      <Import say={setStatus} />
      {/* Under the file picker, where an import's outcome is looked for (a deletion's is one line up from its button). */}
      <p class={status?.error ? 'error' : 'muted'} role="status">
        {status?.text ?? ''}
      </p>
      <DeleteEverything count={entries.length} say={setStatus} />
    </>
  );
}
