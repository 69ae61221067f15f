/**
 * The one typed request channel, used on both sides of every boundary (host↔worker, host↔formula worker, and
 * host↔panel in both directions). A method table `R` says, per method name, what goes in and what comes back:
 *   interface R { 'lm.info': { params: { dir: string }; result: LmModelInfo } }
 * The caller's `Channel<R>.request(method, params)` sends `{type:'request', requestId, method, params}` and gets a
 * promise of `R[method]['result']`; the callee answers with `{type:'reply', requestId, ok, result | error}` from a
 * table of handlers typed by the same `R` (`serve`). A drift of either side against `R` is a type error.
 */
import type { Reply, Request } from './protocol';

/** A table of methods: each method's params and result. */
export type Methods<R> = { [M in keyof R]: { params: unknown; result: unknown } };
export type ParamsOf<R, M extends keyof R> = R[M] extends { params: infer P } ? P : never;
export type ResultOf<R, M extends keyof R> = R[M] extends { result: infer T } ? T : never;

interface Pending {
  msg: Request;
  resolve(v: unknown): void;
  reject(e: Error): void;
  timer?: ReturnType<typeof setTimeout>;
}

export class Channel<R extends Methods<R>> {
  private next = 1;
  private readonly pending = new Map<number, Pending>();

  /** `timeoutMs` is the default of every request (0 = none). */
  constructor(
    private readonly send: (msg: Request) => void,
    private readonly defaultTimeoutMs = 0,
  ) {}

  /** Send a request; rejects on an error reply, on the timeout, or when `rejectAll` is called. */
  request<M extends keyof R & string>(method: M, params: ParamsOf<R, M>, timeoutMs = this.defaultTimeoutMs): Promise<ResultOf<R, M>> {
    const requestId = this.next++;
    return new Promise<ResultOf<R, M>>((resolve, reject) => {
      const msg: Request = { type: 'request', requestId, method, params };
      const entry: Pending = { msg, resolve: resolve as (v: unknown) => void, reject };
      if (timeoutMs > 0) {
        entry.timer = setTimeout(() => {
          this.pending.delete(requestId);
          reject(new Error(`${method} timed out after ${timeoutMs} ms`));
        }, timeoutMs);
      }
      this.pending.set(requestId, entry);
      try {
        this.send(msg);
      } catch (e) {
        this.pending.delete(requestId);
        if (entry.timer) clearTimeout(entry.timer);
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    });
  }

  /** Feed a reply in; returns false when it matched no pending request. */
  handleReply(reply: Reply): boolean {
    const entry = this.pending.get(reply.requestId);
    if (!entry) return false;
    this.pending.delete(reply.requestId);
    if (entry.timer) clearTimeout(entry.timer);
    if (reply.ok) entry.resolve(reply.result);
    else entry.reject(new Error(reply.error));
    return true;
  }

  /**
   * Send every pending request again, under its own id and timeout (the other side reloaded and lost what it was
   * sent). A reply to a request answered twice matches nothing the second time.
   */
  resend(): void {
    for (const entry of this.pending.values()) this.send(entry.msg);
  }

  /** Fail every pending request (the other side went away). */
  rejectAll(reason: string): void {
    for (const [id, entry] of this.pending) {
      if (entry.timer) clearTimeout(entry.timer);
      entry.reject(new Error(reason));
      this.pending.delete(id);
    }
  }

  get size(): number {
    return this.pending.size;
  }
}

/** Handlers for a trusted caller (our own worker protocol): params arrive as the table types them. */
export type Handlers<R> = { [M in keyof R]: (params: ParamsOf<R, M>) => Promise<ResultOf<R, M>> | ResultOf<R, M> };

/** Handlers for an untrusted caller (a webview): params arrive unchecked, and each handler validates them. */
export type UntrustedHandlers<R> = { [M in keyof R]: (params: unknown) => Promise<ResultOf<R, M>> | ResultOf<R, M> };

/**
 * Answer requests from a table of handlers (trusted or untrusted: an untrusted table is also a Handlers<R>): the
 * reply carries the handler's result, or its error's message (also for a method the table does not have yet).
 */
export function serve<R>(handlers: Partial<Handlers<R>>, send: (r: Reply) => void): (req: Request) => Promise<void> {
  const table = handlers as Record<string, (params: unknown) => unknown>;
  return async (req) => {
    try {
      if (!Object.hasOwn(table, req.method)) throw new Error(`unknown request "${req.method}"`);
      const result = await table[req.method](req.params);
      send({ type: 'reply', requestId: req.requestId, ok: true, result });
    } catch (e) {
      send({ type: 'reply', requestId: req.requestId, ok: false, error: e instanceof Error ? e.message : String(e) });
    }
  };
}
