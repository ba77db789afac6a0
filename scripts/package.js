/** Zips dist/chrome and dist/firefox into artifacts/ for the Chrome Web Store and AMO. */
const { execFileSync } = require('node:child_process');
const path = require('node:path');
const { version } = require('../package.json');

const bin = path.join(__dirname, '..', 'node_modules', 'web-ext', 'bin', 'web-ext.js');
for (const browser of ['chrome', 'firefox']) {
  const name = `moodtab-${browser}-${version}.zip`;
  execFileSync(
    process.execPath,
    [
      bin,
      'build',
      '--source-dir',
      `dist/${browser}`,
      '--artifacts-dir',
      'artifacts',
      '--filename',
      name,
      '--overwrite-dest',
    ],
    { stdio: 'inherit' },
  );
  console.log(`artifacts/${name}`);
}
