/**
 * The one request/reply helper, used on both sides of every boundary (host↔worker, host↔webview): the caller
 * sends `{type:'request', requestId, method, params}` and gets a promise; the callee answers with
 * `{type:'reply', requestId, ok, result | error}`.
 */
import type { Reply, Request } from './protocol';

export class RequestTracker {
  private next = 1;
  private readonly pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void; timer?: ReturnType<typeof setTimeout> }>();

  constructor(private readonly send: (msg: Request) => void) {}

  /** Send a request; rejects on an error reply, on `timeoutMs`, or when `rejectAll` is called. */
  request<T = unknown>(method: string, params: unknown, timeoutMs = 0): Promise<T> {
    const requestId = this.next++;
    return new Promise<T>((resolve, reject) => {
      const entry: { resolve(v: unknown): void; reject(e: Error): void; timer?: ReturnType<typeof setTimeout> } = {
        resolve: resolve as (v: unknown) => void,
        reject,
      };
      if (timeoutMs > 0) {
        entry.timer = setTimeout(() => {
          this.pending.delete(requestId);
          reject(new Error(`${method} timed out after ${timeoutMs} ms`));
        }, timeoutMs);
      }
      this.pending.set(requestId, entry);
      try {
        this.send({ type: 'request', requestId, method, params });
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

/** Answer a request with a handler's result or its error message. */
export async function answer(req: Request, handler: (method: string, params: unknown) => Promise<unknown> | unknown, send: (r: Reply) => void): Promise<void> {
  try {
    const result = await handler(req.method, req.params);
    send({ type: 'reply', requestId: req.requestId, ok: true, result });
  } catch (e) {
    send({ type: 'reply', requestId: req.requestId, ok: false, error: e instanceof Error ? e.message : String(e) });
  }
}
