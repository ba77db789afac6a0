/** README's Layout section matches the tree: a row for every folder of src/, and no row for one that is gone. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const layout = README.slice(
  README.indexOf('## Layout\n'),
  README.indexOf('\n## ', README.indexOf('## Layout\n') + 1),
);
const rows = [...layout.matchAll(/^\| `([^`]+)` +\|/gm)].map(([, path]) => path!);

it('has a row for every folder of src/', () => {
  const folders = readdirSync(join(ROOT, 'src'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => `src/${entry.name}`);
  expect(folders.filter((folder) => !rows.includes(folder))).toEqual([]);
});

it('names only paths that exist', () => {
  expect(rows.length).toBeGreaterThan(0);
  expect(rows.filter((path) => !existsSync(join(ROOT, path)))).toEqual([]);
});
