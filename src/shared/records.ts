/**
 * Lookups keyed by outside input (a message type, an error code, a provider id) must only see a
 * table's own entries: `table["constructor"]` would otherwise find Object.prototype's function.
 */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function ownValue<V>(table: Readonly<Record<string, V>>, key: unknown): V | undefined {
  return typeof key === 'string' && Object.hasOwn(table, key) ? table[key] : undefined;
}
