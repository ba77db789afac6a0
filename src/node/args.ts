/** Minimal --flag value parser for the CLIs; unknown flags are errors so typos do not pass silently. */
export function parseArgs(
  argv: string[],
  flags: readonly string[],
): { positional: string[]; options: Record<string, string> } {
  const positional: string[] = [];
  const options: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    if (!flags.includes(name))
      throw new Error(`unknown option --${name} (known: ${flags.map((f) => '--' + f).join(' ')})`);
    const value = inline ?? argv[++i];
    if (value === undefined) throw new Error(`--${name} needs a value`);
    options[name] = value;
  }
  return { positional, options };
}
