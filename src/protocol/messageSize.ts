/**
 * Whether a value stays within `budget` characters, counted roughly as JSON would spell it,
 * without serialising it: a 20 MB payload is refused after reading about `budget` characters of
 * it, and the walk keeps its own stack, so deep nesting cannot overflow the call stack.
 */
export function fitsWithin(value: unknown, budget: number): boolean {
  let used = 0;
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const item = pending.pop();
    if (typeof item === 'string') used += item.length + 2;
    else if (typeof item !== 'object' || item === null) used += 8;
    else {
      used += 2;
      // for...in stops early; Object.keys would first list every key of a huge array.
      for (const key in item) {
        if (!Object.hasOwn(item, key)) continue;
        used += key.length + 4;
        if (used > budget) return false;
        pending.push((item as Record<string, unknown>)[key]);
      }
    }
    if (used > budget) return false;
  }
  return true;
}
