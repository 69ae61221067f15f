/**
 * Messages of three study-panel views and the worker requests behind them. Types only; every number comes from
 * the engine (src/core): the Distillation view (`distill`: both students' held-out curves and the teacher's
 * softened distributions), the latent-space view (`vae-latent`: an autoencoder's or VAE's LatentSnapshot) and the
 * hierarchical-softmax tree (`w2v-hs-tree`: Huffman paths of chosen words scored for a context word).
 */
import type { DistillPoint } from '../../core/distill/train';
import type { SoftenedTokens } from '../../core/distill/inspect';
import type { LatentSnapshot } from '../../core/vae/snapshot';
import type { HsScoredTree } from '../../core/word2vec/huffman';
import type { JobStatus } from '../protocol';

export type { DistillPoint, SoftenedTokens, LatentSnapshot, HsScoredTree };

/** A job the view follows (its status), or none. */
export interface FollowedJob {
  jobId: string;
  label: string;
  status: JobStatus;
}

export interface DistillPanelData {
  job?: FollowedJob;
  temperature?: number;
  alpha?: number;
  /** Held-out loss and perplexity of the student with the teacher and of its twin without, at the same steps. */
  history: DistillPoint[];
  teacherPerplexity?: number;
  /** The teacher's saved-model name, and its softened distributions at one position of `text`. */
  teacher?: string;
  text?: string;
  softened?: SoftenedTokens;
  error?: string;
}

export interface DistillPanelRequests {
  /** The teacher's distributions at T = 1, 2, 5 after `text` (or at token `position` of it). */
  'distill.soften': { params: { text: string; position?: number }; result: DistillPanelData };
}

export interface VaePanelData {
  job?: FollowedJob;
  /** What the last run was asked for (the view's controls start from it). */
  kind: 'vae' | 'autoencoder';
  data: string;
  beta: number;
  snapshot?: LatentSnapshot;
  error?: string;
}

export interface VaePanelRequests {
  /** Train again with these settings (the other hyperparameters keep their defaults). */
  'vae.train': { params: { kind: 'vae' | 'autoencoder'; data: string; beta: number }; result: VaePanelData };
}

export interface HsTreePanelData {
  /** The saved model shown (its name in the Saved models list). */
  model?: string;
  context: string;
  words: string[];
  /** The tree's paths, and the folder of the model they come from. */
  tree?: HsScoredTree & { dir: string };
  error?: string;
}

export interface HsTreePanelRequests {
  'hsTree.show': { params: { context: string; words: string[] }; result: HsTreePanelData };
}

/** What the host asks of the training worker for these views. */
export interface ModelViewWorkerRequests {
  'teacher.soften': { params: { dir: string; text: string; position?: number }; result: SoftenedTokens };
  'vae.snapshot': { params: { dir: string }; result: LatentSnapshot };
  /** The first of `dirs` trained with hierarchical softmax; empty `context` / `words`: frequent words chosen by the engine. */
  'hs.tree': { params: { dirs: string[]; context: string; words: string[] }; result: HsScoredTree & { dir: string } };
}
