import { useEffect, useState } from 'preact/hooks';
import { loadStored, saveStored, watchStored } from '../platform/browserApi';

/**
 * A value from storage.local, parsed, kept current when any context changes it (the background
 * recording a capture while a page shows the journal). Undefined until the first read.
 */
export function useStored<T>(key: string, parse: (raw: unknown) => T): T | undefined {
  const [value, setValue] = useState<T>();
  useEffect(() => {
    let open = true;
    const stop = watchStored(key, (raw) => setValue(parse(raw)));
    // A change that arrived while the first read was pending is newer: keep it.
    const first = (raw: unknown) => open && setValue((current) => current ?? parse(raw));
    loadStored(key).then(first, () => first(undefined));
    return () => {
      open = false;
      stop();
    };
  }, [key]); // parse: a module-level function, the same on every render
  return value;
}

/**
 * useStored plus a setter that shows the new value at once and writes it to storage (the change
 * event that follows carries the same value). The returned promise rejects when the write fails.
 */
export function useStoredState<T>(
  key: string,
  parse: (raw: unknown) => T,
): [T | undefined, (next: T) => Promise<void>] {
  const stored = useStored(key, parse);
  const [local, setLocal] = useState<{ value: T }>();
  useEffect(() => setLocal(undefined), [stored]);
  const save = async (next: T) => {
    setLocal({ value: next });
    try {
      await saveStored(key, next);
    } catch (error) {
      setLocal(undefined); // show what is really stored
      throw error;
    }
  };
  return [local ? local.value : stored, save];
}
