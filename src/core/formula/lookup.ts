/**
 * A lookup table keyed by words a note may write: no prototype, so a letter, command or word named `constructor`,
 * `toString` or `__proto__` finds nothing rather than Object's own functions.
 */
export function lookupTable<T>(entries: Record<string, T>): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, entries);
}
