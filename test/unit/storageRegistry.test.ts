/** The registry of stored state is the one list of what Moodtab keeps, and README says the same. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isBucketedDefinition } from '../../src/storage/bucketedList';
import { STORED } from '../../src/storage/registry';

const ROOT = join(__dirname, '..', '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const DEFINITIONS = Object.values(STORED);
/** The keys README names for each row: a bucketed list's index and its buckets, as `journal:<YYYY-MM>`. */
const NAMED = DEFINITIONS.flatMap((definition) =>
  isBucketedDefinition(definition)
    ? [
        { key: definition.indexKey, owner: definition.owner },
        { key: definition.bucketKey('<YYYY-MM>'), owner: definition.owner },
      ]
    : [{ key: definition.key, owner: definition.owner }],
);

/** The lines of README from the one starting with `start` up to the next line starting with `end`. */
function section(start: string, end: RegExp): string[] {
  const lines = README.split('\n');
  const from = lines.findIndex((line) => line.startsWith(start));
  const to = lines.findIndex((line, index) => index > from && end.test(line));
  expect(from).toBeGreaterThan(-1);
  return lines.slice(from + 1, to);
}

describe('stored-state registry', () => {
  it.each(DEFINITIONS.map((definition) => [definition.key, definition] as const))(
    '%s reads as its initial value while nothing is stored, and belongs to a folder of src/',
    (_key, definition) => {
      expect(definition.parse(undefined)).toEqual(definition.initial);
      expect(existsSync(join(ROOT, 'src', definition.owner))).toBe(true);
    },
  );

  it('names every key once', () => {
    const keys = NAMED.map(({ key }) => key);
    expect(new Set(keys).size).toBe(keys.length);
    // Each row's own key names its lock (and, for the journal, where it was once stored whole).
    const rows = DEFINITIONS.map(({ key }) => key);
    expect(new Set(rows).size).toBe(rows.length);
  });

  it("keeps a bucketed list's buckets apart from every other key", () => {
    const { journal } = STORED;
    expect(journal.isBucket('2025-06')).toBe(true);
    expect(journal.isBucket('2025-13')).toBe(false);
    const others = NAMED.filter(({ key }) => key !== journal.bucketKey('<YYYY-MM>')).map(({ key }) => key);
    expect(others).not.toContain(journal.bucketKey('2025-06'));
    expect(others.filter((key) => key.startsWith(journal.bucketKey('')))).toEqual([]);
  });

  it("is what README's privacy list says storage.local holds, in the same order", () => {
    const listed = section('- What `storage.local` holds', /^- /).flatMap((line) => {
      const keys = /^ {2}- (`[^`]+`(?: and `[^`]+`)?):/.exec(line)?.[1];
      return keys ? keys.split(' and ').map((key) => key.slice(1, -1)) : [];
    });
    expect(listed).toEqual(NAMED.map(({ key }) => key));
  });

  it("is README's table of stored state, key and owner", () => {
    const rows = section('## Stored state in code', /^## /).flatMap((line) => {
      const cells = /^\| `([A-Za-z:<>-]+)` +\|.*\| `src\/([a-z]+)` +\|/.exec(line);
      return cells ? [{ key: cells[1], owner: cells[2] }] : [];
    });
    expect(rows).toEqual(NAMED);
  });
});
