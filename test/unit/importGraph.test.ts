/**
 * The import graph of src/ (madge, type imports included): no file imports itself through others,
 * and neither does any folder, so the folders stack one way as the zones table says.
 */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import madge from 'madge';
import { nodesInCycles } from './helpers/graph';

jest.setTimeout(60_000);

const SRC = join(__dirname, '..', '..', 'src');
const folderOf = (file: string) => file.split('/')[0]!;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [relative(SRC, full)] : [];
  });
}

describe('import graph', () => {
  let graph: Awaited<ReturnType<typeof madge>>;
  beforeAll(async () => {
    graph = await madge(SRC, {
      fileExtensions: ['ts', 'tsx'],
      tsConfig: join(SRC, '..', 'tsconfig.json'),
    });
  });

  it('covers every source file', () => {
    expect(sourceFiles(SRC).filter((file) => !(file in graph.obj()))).toEqual([]);
  });

  it('has no cycle between files', () => {
    expect(graph.circular()).toEqual([]);
  });

  it('has no cycle between folders', () => {
    const edges: Record<string, Set<string>> = {};
    for (const [file, imports] of Object.entries(graph.obj())) {
      for (const imported of imports) {
        const [from, to] = [folderOf(file), folderOf(imported)];
        if (from !== to) (edges[from] ??= new Set()).add(to);
      }
    }
    expect(nodesInCycles(edges)).toEqual([]);
  });
});
