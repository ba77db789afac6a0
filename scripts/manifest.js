/**
 * Turns the one manifest template (manifest.json) into a browser's manifest: keys prefixed
 * `__chrome__` or `__firefox__` are kept (unprefixed) for that browser only, and the version
 * comes from package.json.
 */
const BROWSERS = ['chrome', 'firefox'];

function manifestFor(template, browser, version) {
  if (!BROWSERS.includes(browser)) throw new Error(`unknown browser ${browser}`);
  const out = {};
  for (const [key, value] of Object.entries(template)) {
    const match = /^__(\w+?)__(.+)$/.exec(key);
    if (!match) out[key] = value;
    else if (!BROWSERS.includes(match[1])) throw new Error(`manifest: unknown browser prefix in ${key}`);
    else if (match[1] === browser) out[match[2]] = value;
  }
  out.version = version;
  return out;
}

module.exports = { manifestFor, BROWSERS };
