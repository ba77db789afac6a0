/** The nodes of a directed graph that reach themselves through its edges: empty when it has no cycle. */
export function nodesInCycles(edges: Record<string, Iterable<string>>): string[] {
  const reaches = (from: string, to: string, seen: Set<string>): boolean =>
    [...(edges[from] ?? [])].some(
      (next) => next === to || (!seen.has(next) && (seen.add(next), reaches(next, to, seen))),
    );
  return Object.keys(edges).filter((node) => reaches(node, node, new Set()));
}
