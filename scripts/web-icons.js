/**
 * Draws the app icon (icons/icon-128.png's purple square, eyes and smile) at the sizes an
 * installable web app needs, 192 and 512 px, into icons/: run once after changing the icon.
 * Shapes in the 128-px icon's units; each pixel is 4x4 supersampled for smooth edges.
 */
const fs = require('node:fs');
const path = require('node:path');
const { PNG } = require('pngjs');

const PURPLE = [91, 63, 209];
const WHITE = [255, 255, 255];
const YELLOW = [255, 214, 102];
const EYES = [
  [46.5, 48.5],
  [81.5, 48.5],
];
const EYE_RADIUS = 6.5;
const SMILE = { x: 64, y: 64.5, radius: 32.5, halfWidth: 3.4, from: 0.52, to: Math.PI - 0.52 };

function insideSquare(x, y) {
  const [low, high, corner] = [6, 122, 24];
  const cx = Math.min(Math.max(x, low + corner), high - corner);
  const cy = Math.min(Math.max(y, low + corner), high - corner);
  return x >= low && x <= high && y >= low && y <= high && (x - cx) ** 2 + (y - cy) ** 2 <= corner ** 2;
}

function onSmile(x, y) {
  const angle = Math.atan2(y - SMILE.y, x - SMILE.x);
  const along = Math.min(Math.max(angle, SMILE.from), SMILE.to);
  const nearX = SMILE.x + SMILE.radius * Math.cos(along);
  const nearY = SMILE.y + SMILE.radius * Math.sin(along);
  return (x - nearX) ** 2 + (y - nearY) ** 2 <= SMILE.halfWidth ** 2;
}

function colourAt(x, y) {
  if (!insideSquare(x, y)) return undefined;
  if (EYES.some(([ex, ey]) => (x - ex) ** 2 + (y - ey) ** 2 <= EYE_RADIUS ** 2)) return WHITE;
  return onSmile(x, y) ? YELLOW : PURPLE;
}

function draw(size) {
  const png = new PNG({ width: size, height: size });
  const scale = 128 / size;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let s = 0; s < 16; s++) {
        const colour = colourAt(
          (px + ((s % 4) + 0.5) / 4) * scale,
          (py + (Math.floor(s / 4) + 0.5) / 4) * scale,
        );
        if (!colour) continue;
        colour.forEach((value, i) => (sum[i] += value));
        sum[3] += 255;
      }
      const i = (py * size + px) * 4;
      const covered = sum[3] / 255;
      for (let c = 0; c < 3; c++) png.data[i + c] = covered ? Math.round(sum[c] / covered) : 0;
      png.data[i + 3] = Math.round(sum[3] / 16);
    }
  }
  fs.writeFileSync(path.join(__dirname, '..', 'icons', `icon-${size}.png`), PNG.sync.write(png));
}

for (const size of [192, 512]) draw(size);
