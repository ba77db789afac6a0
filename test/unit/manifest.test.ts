import template from '../../manifest.json';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { manifestFor } = require('../../scripts/manifest');

describe('manifest template', () => {
  const chrome = manifestFor(template, 'chrome', '1.2.3');
  const firefox = manifestFor(template, 'firefox', '1.2.3');

  it('gives Chrome a service worker and the offscreen permission', () => {
    expect(chrome.background).toEqual({ service_worker: 'background.js' });
    expect(chrome.permissions).toEqual(['offscreen', 'storage']);
    expect(chrome.browser_specific_settings).toBeUndefined();
  });

  it('gives Firefox a background page, a gecko id and no offscreen permission', () => {
    expect(firefox.background).toEqual({ scripts: ['background.js'] });
    expect(firefox.permissions).toEqual(['storage']);
    expect(firefox.browser_specific_settings.gecko.id).toBe('moodtab@moodtab.app');
  });

  it('keeps both minimal and strict', () => {
    for (const manifest of [chrome, firefox]) {
      expect(manifest.version).toBe('1.2.3');
      // No host permission is held until the user opts in to Deezer previews.
      expect(manifest.host_permissions).toBeUndefined();
      expect(manifest.optional_host_permissions).toEqual(['https://api.deezer.com/*']);
      expect(JSON.stringify(manifest)).not.toMatch(/__(chrome|firefox)__/);
      // Strict and minimal: checked on both templates here and on the built manifests (test/e2e/csp.e2e.test.ts).
      const csp: string = manifest.content_security_policy.extension_pages;
      expect(csp).toMatch(/^default-src 'none'; /);
      expect(csp).not.toMatch(/'unsafe-eval'|'unsafe-inline'|http:/);
      expect(manifest.commands['capture-mood'].suggested_key.default).toBe('Alt+Shift+M');
      // Every name the browser shows comes from _locales; English when the user's language has none.
      expect(manifest.default_locale).toBe('en');
      expect(manifest.name).toBe('__MSG_extName__');
      // The options page opens in a tab: its charts need the room.
      expect(manifest.options_ui).toEqual({ page: 'options.html', open_in_tab: true });
      // Exports are blob links, so no downloads permission; the journal lives in storage.local.
      expect(manifest.permissions).not.toContain('downloads');
      expect(manifest.permissions).not.toContain('unlimitedStorage');
    }
  });

  it('rejects unknown browsers and prefixes', () => {
    expect(() => manifestFor(template, 'safari', '1')).toThrow('unknown browser');
    expect(() => manifestFor({ __edge__x: 1 }, 'chrome', '1')).toThrow('unknown browser prefix');
  });
});
