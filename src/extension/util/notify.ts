/**
 * User-facing messages go through here so they are consistent ("ML Study: …") and so integration tests can
 * see what the user was shown (the last messages are kept in memory).
 */
import * as vscode from 'vscode';

export interface Shown {
  level: 'info' | 'warning' | 'error';
  message: string;
  at: number;
}

const recent: Shown[] = [];

function remember(level: Shown['level'], message: string): void {
  recent.push({ level, message, at: Date.now() });
  if (recent.length > 50) recent.shift();
}

export function showInfo(message: string, ...actions: string[]): Thenable<string | undefined> {
  remember('info', message);
  return vscode.window.showInformationMessage(`ML Study: ${message}`, ...actions);
}

export function showWarning(message: string, ...actions: string[]): Thenable<string | undefined> {
  remember('warning', message);
  return vscode.window.showWarningMessage(`ML Study: ${message}`, ...actions);
}

export function showError(message: string, ...actions: string[]): Thenable<string | undefined> {
  remember('error', message);
  return vscode.window.showErrorMessage(`ML Study: ${message}`, ...actions);
}

/** What was shown recently (newest last). */
export function recentMessages(): readonly Shown[] {
  return recent;
}

const reason = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/**
 * Registers a command whose failure is shown as one error message (`what: reason`); the command then resolves to
 * undefined, so a palette or hover call never sees a rejected promise.
 */
export function reportingCommand<T>(id: string, what: string, run: (arg?: unknown) => Promise<T>): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (arg?: unknown) => {
    try {
      return await run(arg);
    } catch (e) {
      void showError(`${what}: ${reason(e)}`);
      return undefined;
    }
  });
}
