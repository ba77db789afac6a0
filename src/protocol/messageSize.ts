/**
 * Whether a value stays within `budget` characters, counted roughly as JSON would spell it,
 * without serialising it: a 20 MB payload is refused after reading about `budget` characters of
 * it, and the walk keeps its own stack, so deep nesting cannot overflow the call stack.
 */
export function fitsWithin(value: unknown, budget: number): boolean {
  let used = 0;
  const pending: unknown[] = [value];
  const visit = (key: string, child: unknown) => {
    used += key.length + 4;
    pending.push(child);
    return used <= budget;
  };
  while (pending.length > 0) {
    const item = pending.pop();
    if (typeof item === 'string') used += item.length + 2;
    else if (typeof item !== 'object' || item === null) used += 8;
    else {
      used += 2;
      if (!visitEach(item, visit)) return false;
    }
    if (used > budget) return false;
  }
  return true;
}

/**
 * Calls `visit` with each own key and value until it answers false. Arrays go by index, which
 * stops at once: for…in and Object.keys both list every key of a huge array before the first
 * (tens of seconds for 20 million). An array's other own properties are not counted: no request
 * field takes an array, so the checks after this one refuse it without reading them.
 */
function visitEach(item: object, visit: (key: string, child: unknown) => boolean): boolean {
  if (Array.isArray(item)) {
    for (let index = 0; index < item.length; index++) {
      if (Object.hasOwn(item, index) && !visit(String(index), item[index])) return false;
    }
    return true;
  }
  for (const key in item) {
    if (Object.hasOwn(item, key) && !visit(key, (item as Record<string, unknown>)[key])) return false;
  }
  return true;
}
