import { useEffect, useState } from 'preact/hooks';
import type { StoredValue } from '../storage/storedValue';

/** What a page can follow: a stored value, or the journal across its months. */
export type Followed<T> = Pick<StoredValue<T>, 'key' | 'initial' | 'load' | 'watch'>;

/**
 * A stored value, kept current when any context changes it (the background recording a capture
 * while a page shows the journal). Undefined until the first read.
 */
export function useStored<T>(value: Followed<T>): T | undefined {
  const [current, setCurrent] = useState<T>();
  useEffect(() => {
    let open = true;
    const stop = value.watch(setCurrent);
    // A change that arrived while the first read was pending is newer: keep it.
    const first = (read: T) => open && setCurrent((shown) => shown ?? read);
    value.load().then(first, () => first(value.initial));
    return () => {
      open = false;
      stop();
    };
  }, [value.key]);
  return current;
}

/**
 * useStored plus a change that shows its outcome at once and writes it through the registry's
 * write path (the change event that follows carries what was written). The returned promise
 * rejects when the write fails.
 */
export function useStoredState<T>(
  value: StoredValue<T>,
): [T | undefined, (change: (current: T) => T) => Promise<void>] {
  const current = useStored(value);
  const [local, setLocal] = useState<{ value: T }>();
  useEffect(() => setLocal(undefined), [current]);
  const update = async (change: (current: T) => T) => {
    setLocal({ value: change(local ? local.value : (current ?? value.initial)) });
    try {
      await value.update(change);
    } catch (error) {
      setLocal(undefined); // show what is really stored
      throw error;
    }
  };
  return [local ? local.value : current, update];
}
