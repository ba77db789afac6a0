import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n';

/**
 * "Available offline", once the service worker controls the page: its install precached the app,
 * the models and the wasm files, so a reload works without a connection.
 */
export function OfflineNote() {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    const workers = typeof navigator === 'undefined' ? undefined : navigator.serviceWorker;
    if (!workers) return;
    let open = true;
    workers.ready.then(() => open && setReady(true)).catch(() => undefined);
    return () => {
      open = false;
    };
  }, []);
  return ready ? <p class="note offline">{t('web_offlineReady')}</p> : null;
}
