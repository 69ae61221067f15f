/**
 * The Get Started walkthrough's progress: each step of `contributes.walkthroughs` completes on a context key that
 * the feature doing the step sets here (a formula hover shown, a training run finished, a practice question
 * answered).
 */
import * as vscode from 'vscode';

export const WALKTHROUGH_KEYS = {
  hoverShown: 'mlStudy.walkthrough.hoverShown',
  runFinished: 'mlStudy.walkthrough.runFinished',
  practiced: 'mlStudy.walkthrough.practiced',
} as const;
export type WalkthroughStep = keyof typeof WALKTHROUGH_KEYS;

const done = new Set<WalkthroughStep>();

/** Mark a step done (once per session: the context key is set the first time). */
export function markWalkthrough(step: WalkthroughStep): void {
  if (done.has(step)) return;
  done.add(step);
  void vscode.commands.executeCommand('setContext', WALKTHROUGH_KEYS[step], true);
}

/** The steps done in this session (tests read it). */
export const walkthroughDone = (): WalkthroughStep[] => [...done];
