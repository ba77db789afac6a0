import { useState } from 'preact/hooks';
import { t } from '../../../../platform/i18n';
import { problem, type Problem } from '../../../../common/i18n';
import { exportPack, MAX_PACK_BYTES, parsePack, type Mapping } from '../../../../recommendation/mapping';
import { problemText } from '../../../../ui/problemText';
import { saveFailed } from '../saving';

interface MappingPackProps {
  mapping: Mapping;
  onImport(next: Mapping): Promise<void>;
}

type Status = { text: string; problems?: Problem[] };

const FILE_NAME = 'moodtab-mapping.json';

const countLists = ({ queries }: Mapping) =>
  Object.values(queries).reduce(
    (sum, byStrategy) =>
      sum + Object.values(byStrategy ?? {}).reduce((n, byMood) => n + Object.keys(byMood ?? {}).length, 0),
    0,
  );

/** Saves the mapping as a pack file through a Blob link: no downloads permission. */
function downloadPack(mapping: Mapping): void {
  const blob = new Blob([JSON.stringify(exportPack(mapping), null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = FILE_NAME;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** What the last export or import did, with each problem of a refused file and where it is. */
function PackStatus({ status }: { status: Status }) {
  return (
    <div class="status" role="status">
      <p>{status.text}</p>
      {status.problems && (
        <ul class="problems">
          {status.problems.map((problem, index) => (
            <li key={index}>
              {problem.at && <code>{problem.at}</code>}
              {problem.at && ': '}
              {problemText(problem)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Exports the mapping as a JSON file and imports one. */
export function MappingPackTransfer({ mapping, onImport }: MappingPackProps) {
  const [status, setStatus] = useState<Status>({ text: '' });

  function download() {
    downloadPack(mapping);
    setStatus({ text: t('pack_exported', FILE_NAME) });
  }

  async function upload(input: HTMLInputElement) {
    const file = input.files?.[0];
    input.value = ''; // the same file can be chosen again after fixing it
    if (!file) return;
    // Checked before reading: a huge file is refused without being read into memory.
    if (file.size > MAX_PACK_BYTES)
      return setStatus({
        text: t('pack_rejected'),
        problems: [problem('pack_tooLarge', MAX_PACK_BYTES / 1024)],
      });
    let text: string;
    try {
      text = await file.text();
    } catch {
      return setStatus({ text: t('pack_unreadable') });
    }
    const result = parsePack(text);
    if (!result.ok) return setStatus({ text: t('pack_rejected'), problems: result.problems });
    try {
      await onImport(result.mapping);
    } catch (error) {
      return setStatus({ text: saveFailed(error) });
    }
    setStatus({
      text: t('pack_imported', Object.keys(result.mapping.providers).length, countLists(result.mapping)),
    });
  }

  return (
    <section class="mapping-pack" aria-labelledby="mapping-pack-heading">
      <h3 id="mapping-pack-heading">{t('pack_title')}</h3>
      <p class="muted">{t('pack_intro')}</p>
      <div class="row">
        <button type="button" class="secondary" onClick={download}>
          {t('pack_export')}
        </button>
        <label class="file">
          {t('pack_import')}{' '}
          <input
            type="file"
            name="mapping-pack"
            accept=".json,application/json"
            onChange={(event) => void upload(event.currentTarget)}
          />
        </label>
      </div>
      <PackStatus status={status} />
    </section>
  );
}
