import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension/extension';
import type { JobInfo } from '../../src/shared/protocol';

export const EXTENSION_ID = 'ml-study.ml-study-companion';

/** Activate the extension (through one of its commands, as a user would) and return its API. */
export async function api(): Promise<ExtensionApi> {
  const ext = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not loaded`);
  return ext.isActive ? ext.exports : await ext.activate();
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Wait until the job reaches one of the statuses. */
export async function waitForJob(a: ExtensionApi, jobId: string, statuses: JobInfo['status'][], timeoutMs = 60_000): Promise<JobInfo> {
  const t0 = Date.now();
  for (;;) {
    const j = a.jobs.get(jobId);
    if (j && statuses.includes(j.status)) return j;
    if (Date.now() - t0 > timeoutMs) throw new Error(`job ${jobId} did not reach ${statuses.join('/')} in ${timeoutMs} ms (now ${j?.status})`);
    await sleep(20);
  }
}

export async function waitFor(what: string, cond: () => boolean, timeoutMs = 10_000): Promise<void> {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

/**
 * Watch a running job's reports to the host from now on. `bound(ms)` is how long something the host waits on may
 * take: `ms` on an idle machine, or — when the machine is slow enough that the job's reports (a few a second) came
 * further apart — three of the longest gaps between them: a reference measured in the same test.
 */
export function watchReports(a: ExtensionApi, jobId: string): { gap(): number; count(): number; bound(ms: number): number; dispose(): void } {
  let last: number | undefined;
  let longest = 0;
  let count = 0;
  const sub = a.jobs.onDidChangeJob((j) => {
    if (j.jobId !== jobId || j.status !== 'running') return;
    count++;
    const now = performance.now();
    if (last !== undefined) longest = Math.max(longest, now - last);
    last = now;
  });
  return { gap: () => longest, count: () => count, bound: (ms) => Math.max(ms, 3 * longest), dispose: () => sub.dispose() };
}
