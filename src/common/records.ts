/**
 * Lookups keyed by outside input (a message type, an error code, a provider id) must only see a
 * table's own entries: `table["constructor"]` would otherwise find Object.prototype's function.
 * Records from outside (a message, a field inside one) are checked field by field the same way.
 */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function ownValue<V>(table: Readonly<Record<string, V>>, key: unknown): V | undefined {
  return typeof key === 'string' && Object.hasOwn(table, key) ? table[key] : undefined;
}

/** How one field of a record is checked; an optional field may be left out. */
export interface FieldRule {
  /** What is wrong with a present value, naming the field (`invalid pick.query`); undefined when nothing. */
  problem(value: unknown, name: string): string | undefined;
  optional?: true;
}
export type FieldRules = Readonly<Record<string, FieldRule>>;

const checked =
  (check: (value: unknown) => boolean) =>
  (value: unknown, name: string): string | undefined =>
    check(value) ? undefined : `invalid ${name}`;
export const required = (check: (value: unknown) => boolean): FieldRule => ({ problem: checked(check) });
export const optional = (check: (value: unknown) => boolean): FieldRule => ({
  problem: checked(check),
  optional: true,
});

/** A short, safe rendering of an untrusted value for an error detail. */
export const describe = (value: unknown): string =>
  typeof value === 'string' ? JSON.stringify(value.slice(0, 40)) : typeof value;

/**
 * The first thing wrong with `value` against `rules`: a field it has that no rule names (besides
 * `alsoAllowed`), a required field missing, or a field whose rule refuses it. Reads own
 * properties only; `prefix` names where the record sits (`pick.`).
 */
export function fieldsProblem(
  value: Record<string, unknown>,
  rules: FieldRules,
  { prefix = '', alsoAllowed = [] }: { prefix?: string; alsoAllowed?: readonly string[] } = {},
): string | undefined {
  for (const key of Object.keys(value)) {
    if (!alsoAllowed.includes(key) && !Object.hasOwn(rules, key))
      return `unknown field ${describe(prefix + key)}`;
  }
  for (const [key, rule] of Object.entries(rules)) {
    const field = Object.hasOwn(value, key) ? value[key] : undefined;
    const problem =
      field === undefined
        ? rule.optional
          ? undefined
          : `missing ${prefix}${key}`
        : rule.problem(field, prefix + key);
    if (problem) return problem;
  }
  return undefined;
}

/** Whether `value` is a record with exactly the fields `rules` allow, each valid. */
export const matchesFields = (value: unknown, rules: FieldRules): value is Record<string, unknown> =>
  isRecord(value) && fieldsProblem(value, rules) === undefined;

/** A field that is itself a record checked by `rules`; its problems name the inner field. */
export function nested(rules: FieldRules, { isOptional = false } = {}): FieldRule {
  return {
    problem: (value, name) =>
      isRecord(value) ? fieldsProblem(value, rules, { prefix: `${name}.` }) : `invalid ${name}`,
    ...(isOptional ? { optional: true as const } : {}),
  };
}
