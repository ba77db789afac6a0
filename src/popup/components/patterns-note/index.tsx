import { useEffect, useState } from 'preact/hooks';
import { extensionUrl, openOrFocusTab } from '../../../platform/browserApi';
import { t } from '../../../platform/i18n';
import { oneEntryPerId } from '../../../journal/journalMonths';
import type { Flag, SeenFlags } from '../../../journal/patterns';
import { PATTERNS_ANCHOR, replaceSeenFlags, unseenFlags } from '../../../ui/patternReport';
import { stored } from '../../../platform/stored';

interface Unseen {
  flags: Flag[];
  /** What storage held when the popup opened. */
  seen: SeenFlags;
}

const NOTHING: Unseen = { flags: [], seen: {} };

/** What the note needs, read once as the popup opens; nothing while the journal is off. */
async function readUnseen(): Promise<Unseen> {
  const prefs = await stored.journalPrefs.load();
  if (!prefs.enabled) return NOTHING;
  const [storedEntries, seen] = await Promise.all([stored.journal.load(), stored.patternsSeen.load()]);
  const entries = oneEntryPerId(storedEntries); // a capture re-recorded across a month's end counts once
  return { flags: unseenFlags(entries, seen), seen };
}

/**
 * The flags of the mood-patterns report the user has not seen yet; none while the journal is off
 * (nothing is computed then) or when storage cannot be read. Undefined until read.
 */
function useUnseenFlags(): Unseen | undefined {
  const [unseen, setUnseen] = useState<Unseen>();
  useEffect(() => {
    let open = true;
    readUnseen().then(
      (found) => open && setUnseen(found),
      () => open && setUnseen(NOTHING),
    );
    return () => {
      open = false;
    };
  }, []);
  return unseen;
}

/**
 * One line when the mood-patterns report has a flag the user has not seen: a link to the report,
 * and a way to dismiss it. Either one counts as seen, so the note says it once. `hidden`: a
 * capture is on, or its result is on screen (the note never competes with it).
 */
export function PatternsNote({ hidden }: { hidden: boolean }) {
  const unseen = useUnseenFlags();
  const [done, setDone] = useState(false);
  if (hidden || done || !unseen?.flags.length) return null;
  const seen = () => {
    setDone(true);
    return replaceSeenFlags(unseen.seen, unseen.flags).catch(() => undefined);
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
