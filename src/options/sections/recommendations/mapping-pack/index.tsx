import { useState } from 'preact/hooks';
import { exportPack, parsePack, type Mapping } from '../../../../shared/mapping';
import { STRINGS as SECTION } from '../strings';
import { STRINGS } from './strings';

interface MappingPackProps {
  mapping: Mapping;
  onImport(next: Mapping): Promise<void>;
}

type Status = { text: string; problems?: string[] };

const countLists = ({ queries }: Mapping) =>
  Object.values(queries).reduce(
    (sum, byStrategy) =>
      sum + Object.values(byStrategy ?? {}).reduce((n, byMood) => n + Object.keys(byMood ?? {}).length, 0),
    0,
  );

/** Exports the mapping as a JSON file (a Blob link: no downloads permission) and imports one. */
export function MappingPackTransfer({ mapping, onImport }: MappingPackProps) {
  const [status, setStatus] = useState<Status>({ text: '' });

  function download() {
    const blob = new Blob([JSON.stringify(exportPack(mapping), null, 2)], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = STRINGS.fileName;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
    setStatus({ text: STRINGS.exported });
  }

  async function upload(input: HTMLInputElement) {
    const file = input.files?.[0];
    input.value = ''; // the same file can be chosen again after fixing it
    if (!file) return;
    let text: string;
    try {
      text = await file.text();
    } catch (error) {
      return setStatus({ text: STRINGS.unreadable((error as Error).message) });
    }
    const result = parsePack(text);
    if (!result.ok) return setStatus({ text: STRINGS.rejected, problems: result.problems });
    try {
      await onImport(result.mapping);
    } catch (error) {
      return setStatus({ text: SECTION.saveFailed((error as Error).message) });
    }
    setStatus({
      text: STRINGS.imported(Object.keys(result.mapping.providers).length, countLists(result.mapping)),
    });
  }

  return (
    <section class="mapping-pack" aria-labelledby="mapping-pack-heading">
      <h3 id="mapping-pack-heading">{STRINGS.heading}</h3>
      <p class="note">{STRINGS.intro}</p>
      <div class="row">
        <button type="button" onClick={download}>
          {STRINGS.export}
        </button>
        <label class="file">
          {STRINGS.import}{' '}
          <input
            type="file"
            name="mapping-pack"
            accept=".json,application/json"
            onChange={(event) => void upload(event.currentTarget)}
          />
        </label>
      </div>
      <div class="status" aria-live="polite">
        <p>{status.text}</p>
        {status.problems && (
          <ul class="problems">
            {status.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
