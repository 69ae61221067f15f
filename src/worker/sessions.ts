/**
 * Engines the training worker keeps between the host's requests (playgrounds, steppers): a few per kind, by a
 * checked id, the oldest dropped first. A missing one is reported as "no <kind> <id> in this worker", which the host
 * matches to build it again (a fresh worker after a crash has none).
 */
export class Sessions<T> {
  private readonly table = new Map<string, T>();

  constructor(
    private readonly kind: string,
    private readonly max: number,
  ) {}

  checkId(id: unknown): string {
    if (typeof id !== 'string' || !/^[\w-]{1,64}$/.test(id)) throw new Error(`${this.kind} id must be 1–64 letters, digits, _ or -`);
    return id;
  }

  get(id: unknown): T {
    const s = this.table.get(this.checkId(id));
    if (!s) throw new Error(`no ${this.kind} ${String(id)} in this worker`);
    return s;
  }

  /** Keep `value` as `id` (replacing one of that id), dropping the oldest beyond the maximum. */
  set(id: string, value: T): T {
    this.table.delete(id);
    this.table.set(id, value);
    while (this.table.size > this.max) this.table.delete(this.table.keys().next().value as string);
    return value;
  }

  delete(id: unknown): void {
    this.table.delete(this.checkId(id));
  }
}
