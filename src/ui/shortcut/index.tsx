import { useEffect, useState } from 'preact/hooks';
import { captureShortcut, isFirefox, openShortcutSettings } from '../../platform/browserApi';
import { t } from '../../platform/i18n';

/** The capture shortcut as the browser has it now, and where to change it. */
export function Shortcut() {
  const [keys, setKeys] = useState<string>();
  useEffect(() => {
    captureShortcut().then(setKeys, () => setKeys(''));
  }, []);
  if (keys === undefined) return null;
  return (
    <div class="shortcut">
      <p>{keys ? t('shortcut_current', keys) : t('shortcut_none')}</p>
      <p class="muted">
        {isFirefox()
          ? t('shortcut_whereFirefox')
          : t('shortcut_whereChrome', 'chrome://extensions/shortcuts')}
      </p>
      <button
        type="button"
        class="secondary"
        onClick={() => void openShortcutSettings().catch(() => undefined)}
      >
        {t('shortcut_change')}
      </button>
    </div>
  );
}
