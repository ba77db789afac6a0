/** One storage.local value on the options page: read through its parser, kept fresh, saved or removed. */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { loadStored, onStoredChange, removeStored, saveStored } from '../../../platform/browserApi';

export interface Stored<T> {
  /** undefined until read. */
  value: T | undefined;
  save(next: T): Promise<void>;
  /** Removes the value: what the parser makes of nothing is the fresh state. */
  reset(): Promise<void>;
}

export function useStored<T>(key: string, parse: (raw: unknown) => T): Stored<T> {
  const [value, setValue] = useState<T | undefined>(undefined);
  const reload = useCallback(
    () =>
      loadStored(key).then(
        (raw) => setValue(parse(raw)),
        () => setValue(parse(undefined)),
      ),
    [key, parse],
  );
  useEffect(() => {
    void reload();
    // The background learns while this page is open (feedback, captures): show what it learned.
    return onStoredChange((changed) => {
      if (changed === key) void reload();
    });
  }, [key, reload]);
  return {
    value,
    async save(next) {
      await saveStored(key, next);
      setValue(next);
    },
    async reset() {
      await removeStored(key);
      setValue(parse(undefined));
    },
  };
}
