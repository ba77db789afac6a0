import { useEffect, useState } from 'preact/hooks';
import { extensionUrl, openOrFocusTab } from '../../../platform/browserApi';
import { t } from '../../../platform/i18n';
import type { Flag } from '../../../journal/patterns';
import { markFlagsSeen, PATTERNS_ANCHOR, unseenFlags } from '../../../ui/patternReport';
import { stored } from '../../../ui/useStored';

/**
 * The flags of the mood-patterns report the user has not seen yet; none while the journal is off
 * (nothing is computed then) or when storage cannot be read. Undefined until read.
 */
function useUnseenFlags(): Flag[] | undefined {
  const [flags, setFlags] = useState<Flag[]>();
  useEffect(() => {
    let open = true;
    const read = async () => {
      const prefs = await stored.journalPrefs.load();
      if (!prefs.enabled) return [];
      const [entries, seen] = await Promise.all([stored.journal.load(), stored.patternsSeen.load()]);
      return unseenFlags(entries, seen);
    };
    read().then(
      (found) => open && setFlags(found),
      () => open && setFlags([]),
    );
    return () => {
      open = false;
    };
  }, []);
  return flags;
}

/**
 * One line when the mood-patterns report has a flag the user has not seen: a link to the report,
 * and a way to dismiss it. Either one counts as seen, so the note says it once. `hidden`: a
 * capture is on, or its result is on screen (the note never competes with it).
 */
export function PatternsNote({ hidden }: { hidden: boolean }) {
  const flags = useUnseenFlags();
  const [done, setDone] = useState(false);
  if (hidden || done || !flags?.length) return null;
  const seen = () => {
    setDone(true);
    return markFlagsSeen(flags).catch(() => undefined);
  };
  const open = async () => {
    await seen();
    await openOrFocusTab(extensionUrl('options.html'), PATTERNS_ANCHOR).catch(() => undefined);
  };
  return (
    <p class="patterns-note note">
      {t('patterns_popupNote')}{' '}
      <button type="button" class="link" onClick={() => void open()}>
        {t('patterns_popupSee')}
      </button>{' '}
      <button type="button" class="link" onClick={() => void seen()}>
        {t('patterns_popupDismiss')}
      </button>
    </p>
  );
}
