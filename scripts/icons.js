/**
 * Renders the manifest's PNG icons from their one SVG source (icons/icon.svg), so the toolbar, the
 * extensions page and the stores show the logo the pages show. Run after changing the SVG:
 * `npm run icons`; the PNGs are committed (the build copies icons/ as it is).
 */
const { readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { Resvg } = require('@resvg/resvg-js');

const ICONS = join(__dirname, '..', 'icons');
const SIZES = [16, 32, 48, 128];
const svg = readFileSync(join(ICONS, 'icon.svg'), 'utf8');

for (const size of SIZES) {
  const png = new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
  writeFileSync(join(ICONS, `icon-${size}.png`), png);
  console.log(`icons/icon-${size}.png`);
}
