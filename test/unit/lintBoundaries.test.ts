/**
 * The lint rules that keep the folders of src/ apart really fire, for every folder. import-x skips
 * imports it cannot resolve, so a broken resolver setting would let every boundary pass in
 * silence; this catches it.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { nodesInCycles } from './helpers/graph';

jest.setTimeout(120_000);

const ROOT = join(__dirname, '..', '..');

/** Each line of `code` ends with `// ok` or `// <rule that must report it>`. */
interface Case {
  file: string;
  code: string;
}

const ZONE = 'import-x/no-restricted-paths';
const RAW_STORAGE = 'no-restricted-imports';
/** A package the folder's allowlist does not name (PACKAGES in eslint.config.mjs). */
const UNLISTED = 'no-restricted-imports';
/** A function of 64 lines, its first line marked with what must report it. */
const longFunction = (mark: string) => `
export function long(): number { // ${mark}
  let n = 0;
${'  n += 1;\n'.repeat(60)}  return n;
}
`;

const CASES: Case[] = [
  // A function a reader can hold: 60 lines at most, except in the command-line tools.
  { file: 'src/recommendation/picks.ts', code: longFunction('max-lines-per-function') },
  { file: 'src/node/cli/mood.ts', code: longFunction('ok') },
  {
    file: 'src/common/records.ts',
    code: `
import './errors'; // ok
import '../model/moods'; // ${ZONE}
import '../recommendation/bandit'; // ${ZONE}
import '../platform/i18n'; // ${ZONE}
import 'preact'; // ${ZONE}
`,
  },
  {
    file: 'src/model/moods.ts',
    code: `
import '../common/records'; // ok
import '../recommendation/media'; // ${ZONE}
import '../journal/journal'; // ${ZONE}
import '../protocol/messages'; // ${ZONE}
import '../recognition'; // ${ZONE}
import '@tensorflow/tfjs-core'; // ${ZONE}
`,
  },
  {
    file: 'src/recommendation/bandit.ts',
    code: `
import '../model/moods'; // ok
import '../common/records'; // ok
import '../journal/journal'; // ${ZONE}
import '../storage/registry'; // ${ZONE}
import '../protocol/messages'; // ${ZONE}
import '../platform/browserApi'; // ${ZONE}
`,
  },
  {
    file: 'src/journal/journal.ts',
    code: `
import '../recommendation/picks'; // ok
import '../model/moods'; // ok
import '../storage/registry'; // ${ZONE}
import '../protocol/messages'; // ${ZONE}
import '../background/learning'; // ${ZONE}
import 'preact'; // ${ZONE}
`,
  },
  {
    file: 'src/storage/registry.ts',
    code: `
import '../journal/journal'; // ok
import '../recommendation/settings'; // ok
import '../protocol/messages'; // ${ZONE}
import '../platform/browserApi'; // ${ZONE}
import '../ui/useStored'; // ${ZONE}
import 'webextension-polyfill'; // ${ZONE}
`,
  },
  {
    file: 'src/protocol/messages.ts',
    code: `
import '../journal/journal'; // ok
import '../recommendation/settings'; // ok
import '../storage/registry'; // ${ZONE}
import '../platform/browserApi'; // ${ZONE}
import '../background/index'; // ${ZONE}
`,
  },
  {
    file: 'src/popup/App.tsx',
    code: `
import 'preact'; // ok
import '../model/moods'; // ok
import '../platform/browserApi'; // ok
import '../storage/registry'; // ok
import { saveStored } from '../platform/browserApi'; // ${RAW_STORAGE}
import '@tensorflow/tfjs-core'; // ${ZONE}
import '../recognition'; // ${ZONE}
import '../capture/camera'; // ${ZONE}
import '../background/captureController'; // ${ZONE}
import '../node/args'; // ${ZONE}
import 'webextension-polyfill'; // ${ZONE}
import 'node:fs'; // ${UNLISTED}
import 'pngjs'; // ${UNLISTED}
import '@vladmandic/face-api'; // ${UNLISTED}
import 'left-pad'; // ${UNLISTED}
import 'preact/hooks'; // ok
export const id = chrome.runtime.id; // no-restricted-globals
export const tabs = browser.tabs; // no-restricted-globals
export const api = globalThis.chrome; // no-restricted-properties
`,
  },
  {
    file: 'src/background/index.ts',
    code: `
import '../platform/browserApi'; // ok
import './captureController'; // ok
import '../storage/registry'; // ok
import { loadStored } from '../platform/browserApi'; // ${RAW_STORAGE}
import '../ui/useStored'; // ${ZONE}
import '@tensorflow/tfjs-core'; // ${ZONE}
import '../capture/captureService'; // ${ZONE}
import '../offscreen/index'; // ${ZONE}
import '../popup/state'; // ${ZONE}
import 'preact'; // ${ZONE}
async function capture(): Promise<void> {} // ok
capture(); // @typescript-eslint/no-floating-promises
[1].forEach(async () => capture()); // @typescript-eslint/no-misused-promises
`,
  },
  {
    // Firefox's background page never hosts the capture engine (the popup's capture frame does).
    file: 'src/background/captureHost.firefox.ts',
    code: `
import '../platform/browserApi'; // ok
import '../capture/captureService'; // ${ZONE}
import '@tensorflow/tfjs-core'; // ${ZONE}
`,
  },
  {
    file: 'src/offscreen/index.ts',
    code: `
import '../capture/captureService'; // ok
import '../platform/browserApi'; // ok
import '../storage/registry'; // ${ZONE}
import '../recognition'; // ${ZONE}
import '@tensorflow/tfjs-core'; // ${ZONE}
import '../background/captureController'; // ${ZONE}
`,
  },
  {
    file: 'src/capture/camera.ts',
    code: `
import '../recognition'; // ok
import '@tensorflow/tfjs-core'; // ok
import '../platform/browserApi'; // ${ZONE}
import '../offscreen/index'; // ${ZONE}
export const api = chrome; // no-restricted-globals
`,
  },
  {
    file: 'src/recognition/align.ts',
    code: `
import '@tensorflow/tfjs-core'; // ok
import '../common/errors'; // ok
import '../model/recognition'; // ok
import '../recommendation/bandit'; // ${ZONE}
import '../capture/camera'; // ${ZONE}
import '../platform/browserApi'; // ${ZONE}
import 'preact'; // ${ZONE}
`,
  },
  {
    file: 'src/options/sections/recommendations/index.tsx',
    code: `
import 'preact'; // ok
import '../../../recommendation/mapping'; // ok
import '../../../platform/browserApi'; // ok
import '@tensorflow/tfjs-core'; // ${ZONE}
import '../../../recognition'; // ${ZONE}
import '../../../popup/state'; // ${ZONE}
import '../../../background/recommender'; // ${ZONE}
import 'webextension-polyfill'; // ${ZONE}
export const api = chrome.permissions; // no-restricted-globals
`,
  },
  {
    file: 'src/options/App.tsx',
    code: `
import 'preact'; // ok
import '../journal/journalStore'; // ok
import '../platform/browserApi'; // ok
import '../common/labels'; // ok
import { removeStored } from '../platform/browserApi'; // ${RAW_STORAGE}
import '../popup/state'; // ${ZONE}
import '../welcome/App'; // ${ZONE}
import '../background/learning'; // ${ZONE}
import '@tensorflow/tfjs-core'; // ${ZONE}
import '../recognition'; // ${ZONE}
import 'webextension-polyfill'; // ${ZONE}
export const api = chrome.storage; // no-restricted-globals
`,
  },
  {
    file: 'src/welcome/App.tsx',
    code: `
import '../ui/camera-help'; // ok
import '../common/errors'; // ok
import '../options/App'; // ${ZONE}
import '../capture/camera'; // ${ZONE}
`,
  },
  {
    file: 'src/ui/providerLabel.ts',
    code: `
import 'preact'; // ok
import '../platform/i18n'; // ok
import '../storage/registry'; // ok
import '../protocol/messages'; // ok
import '../capture/camera'; // ${ZONE}
import '../popup/state'; // ${ZONE}
import '../options/App'; // ${ZONE}
import '../welcome/App'; // ${ZONE}
`,
  },
  {
    file: 'src/node/args.ts',
    code: `
import 'node:fs'; // ok
import 'pngjs'; // ok
import '@vladmandic/face-api/dist/face-api.node-wasm.js'; // ok
import 'left-pad'; // ${UNLISTED}
import '../recognition'; // ok
import '../storage/registry'; // ok
import '../capture/camera'; // ${ZONE}
import '../platform/browserApi'; // ${ZONE}
import '../popup/state'; // ${ZONE}
`,
  },
  {
    // The web app: the shared parts and the capture engine; nothing of the extension's own.
    file: 'src/web/App.tsx',
    code: `
import '../capture/captureService'; // ok
import '../recognition'; // ok
import '../storage/registry'; // ok
import '../ui/mood-bars'; // ok
import 'preact'; // ok
import '../platform/browserApi'; // ${ZONE}
import '../platform/i18n'; // ${ZONE}
import 'webextension-polyfill'; // ${ZONE}
import '../popup/state'; // ${ZONE}
import '../offscreen'; // ${ZONE}
import '../background/recommender'; // ${ZONE}
import '../options/App'; // ${ZONE}
import '../protocol/messages'; // ${ZONE}
export const api = chrome.storage; // no-restricted-globals
`,
  },
  {
    // The journal's reports are pure: no browser, no pages, no models.
    file: 'src/journal/patterns/report.ts',
    code: `
import '../../shared/moods'; // ok
import './flags'; // ok
import '../../platform/i18n'; // ${ZONE}
import 'webextension-polyfill'; // ${ZONE}
import 'preact'; // ${ZONE}
import '../../options/App'; // ${ZONE}
import '@tensorflow/tfjs-core'; // ${ZONE}
export const api = chrome.storage; // no-restricted-globals
`,
  },
  {
    file: 'src/platform/browserApi.ts',
    code: `
import 'webextension-polyfill'; // ok
import '../protocol/messages'; // ok
import '../storage/backend'; // ok
import '../journal/journal'; // ${ZONE}
import '@tensorflow/tfjs-core'; // ${ZONE}
export const api = (globalThis as { chrome?: unknown }).chrome ?? chrome; // ok
`,
  },
];

/** The rules each line must trip (none for `// ok`), keyed by line number. */
function expected(code: string): Record<number, string[]> {
  const rules: Record<number, string[]> = {};
  code.split('\n').forEach((line, index) => {
    const rule = /\/\/ (\S+)$/.exec(line)?.[1];
    if (rule) rules[index + 1] = rule === 'ok' ? [] : [rule];
  });
  return rules;
}

describe('ESLint boundaries', () => {
  let problems: { line: number; ruleId: string | null; message: string }[][];

  beforeAll(() => {
    const input = CASES.map(({ file, code }) => ({ filePath: join(ROOT, file), text: code }));
    const output = execFileSync(process.execPath, [join(__dirname, 'lintTexts.mjs')], {
      cwd: ROOT,
      input: JSON.stringify(input),
      encoding: 'utf8',
    });
    problems = JSON.parse(output);
  });

  it.each(CASES.map((c, index) => [c.file, index] as const))(
    '%s may import only its zone',
    (_file, index) => {
      const found: Record<number, string[]> = {};
      for (const { line, ruleId, message } of problems[index]!) {
        // Rules outside this test's subject (unused declarations in the snippets) are not checked.
        if (ruleId === '@typescript-eslint/no-unused-vars') continue;
        (found[line] ??= []).push(ruleId ?? `parse error: ${message}`);
      }
      const want = expected(CASES[index]!.code);
      for (const line of Object.keys(found)) want[Number(line)] ??= [];
      expect(found).toEqual(Object.fromEntries(Object.entries(want).filter(([, rules]) => rules.length)));
    },
  );
});

describe('the zones table', () => {
  const { sources, mayImport } = JSON.parse(
    execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        "const c = await import('./eslint.config.mjs'); process.stdout.write(JSON.stringify({ sources: c.SOURCES, mayImport: c.MAY_IMPORT }));",
      ],
      { cwd: ROOT, encoding: 'utf8' },
    ),
  ) as { sources: Record<string, string[]>; mayImport: Record<string, string[]> };
  const folders = readdirSync(join(ROOT, 'src'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();

  it('has a row for every folder of src/, and the test above a case for each', () => {
    expect(Object.keys(mayImport).sort()).toEqual(folders);
    for (const folder of folders) expect(sources[folder]).toEqual([`src/${folder}`]);
    expect([...new Set(CASES.map(({ file }) => file.split('/')[1]))].sort()).toEqual(folders);
  });

  it('points one way: no folder may import, through others, back into itself', () => {
    expect(nodesInCycles(mayImport)).toEqual([]);
  });
});
