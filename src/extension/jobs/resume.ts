/**
 * Resume a stopped or finished run (palette and sidebar): the run's own text is read again when its source allows
 * (the Brown corpus, the workspace notes, a workspace file); otherwise the user picks the text, and the engine
 * refuses one that is not the text the run was trained on.
 */
import * as vscode from 'vscode';
import type { JobInfo } from '../../shared/protocol';
import { CORPUS_CHOICES, resolveCorpus, resolveCorpusSource } from '../corpus';
import type { JobManager } from './jobManager';

/** Resume `jobId`; undefined when the user cancels the choice of text. Throws with a sentence for the user. */
export async function resumeRun(jobs: JobManager, jobId: string): Promise<JobInfo | undefined> {
  const job = jobs.get(jobId);
  if (!job) throw new Error('there is no such run to resume');
  if (!jobs.isResumable(job)) return jobs.resume(jobId, { kind: 'none' }); // refused with the reason
  let corpus = await resolveCorpusSource(job.corpusSource);
  if (!corpus) {
    const pick = await vscode.window.showQuickPick(
      CORPUS_CHOICES.map((c) => ({ label: c.label, id: c.id })),
      { title: `ML Study: resume ${job.label} — on which text? It must be the text it trained on (${job.corpusName || 'unknown'}).` },
    );
    if (!pick) return undefined;
    corpus = await resolveCorpus(pick.id);
  }
  return jobs.resume(jobId, corpus.ref);
}

/** A run as a quick-pick item: name, kind, steps done, last loss. */
export function resumeItem(j: JobInfo): vscode.QuickPickItem & { jobId: string } {
  const loss = j.loss !== undefined && Number.isFinite(j.loss) ? j.loss.toFixed(4) : '—';
  return { label: j.label, description: `${j.model} · ${j.status}`, detail: `${j.step} steps done · last loss ${loss}${j.corpusName ? ` · ${j.corpusName}` : ''}`, jobId: j.jobId };
}
