/**
 * Formula hovers and "Explain Formula at Cursor". The host only routes: finding, recognising, explaining and
 * rendering run in the formula worker (src/worker/formulaWorker.ts). Hover markdown is trusted for our own
 * commands only, and never renders HTML.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { type FormulaRequests, isObject } from '../../shared/protocol';
import { WorkerClient } from '../jobs/workerClient';
import type { ParamsOf, ResultOf } from '../../shared/rpc';
import type { StudyPanel } from '../panel/studyPanel';
import { SECTION } from '../config';
import { showError, showInfo } from '../util/notify';
import { FORMULA_HOVER_COMMANDS } from '../../core/formula/commands';
import { readPreamble } from './preamble';
import type { JobManager } from '../jobs/jobManager';
import { ModelExampleWatch } from './modelExamples';
import { markWalkthrough } from '../practice/walkthrough';

/** The formula shown when a function is plotted from a hover link. */
const PLOT_LATEX: Record<string, string> = {
  sigmoid: '\\sigma(z) = \\frac{1}{1 + e^{-z}}',
  tanh: '\\tanh(z) = \\frac{e^{z} - e^{-z}}{e^{z} + e^{-z}}',
  relu: '\\operatorname{ReLU}(z) = \\max(0, z)',
  'leaky-relu': 'f(z) = \\max(0.01 z, z)',
  hardtanh: '\\operatorname{hardtanh}(z) = \\max(-1, \\min(1, z))',
  step: 'f(z) = \\begin{cases} 1 & z \\ge 0 \\\\ 0 & z < 0 \\end{cases}',
  hinge: 'L = \\max(0, 1 - y\\, s)',
};
const DEFAULT_LANGUAGES = ['markdown', 'latex', 'tex', 'plaintext'];
const HOVER_TIMEOUT_MS = 3000;
/** A formula worker that answers nothing for this long while asked is stuck, and is restarted. */
const HUNG_MS = 60_000;

/** The formula worker: requests (FormulaRequests) go straight through its typed channel, `request`. */
export class FormulaService extends WorkerClient<FormulaRequests> {
  /** `hungMs`: how long the worker may stay silent while asked before it is replaced (tests make it short). */
  constructor(
    extensionPath: string,
    private readonly opts: { hungMs?: number } = {},
  ) {
    super(path.join(extensionPath, 'dist', 'formula-worker.js'), {
      onMessage: () => undefined,
      onCrash: () => undefined, // the next request starts a fresh worker; the failed request reports its error
    });
  }
  /** Render and explain a note's formulas in the worker ahead of hovers (with the colour hovers will ask for). */
  prewarm(doc: vscode.TextDocument): Promise<number> {
    return readPreamble(doc).then((preamble) => this.request('prewarm', { text: doc.getText(), languageId: doc.languageId, color: themeColor(), key: doc.uri.toString(), preamble }, 120_000));
  }

  /** Every request goes through here: a worker asked for HUNG_MS without a single answer is stuck and replaced. */
  override request<M extends keyof FormulaRequests & string>(method: M, params: ParamsOf<FormulaRequests, M>, timeoutMs = HOVER_TIMEOUT_MS): Promise<ResultOf<FormulaRequests, M>> {
    this.waitingSince ??= Date.now();
    const p = super.request(method, params, timeoutMs);
    p.then(
      () => (this.waitingSince = undefined),
      (e: unknown) => {
        if (!/timed out/.test(e instanceof Error ? e.message : '')) this.waitingSince = undefined;
        else if (this.waitingSince !== undefined && Date.now() - this.waitingSince >= (this.opts.hungMs ?? HUNG_MS)) {
          this.waitingSince = undefined;
          this.kill();
        }
      },
    );
    return p;
  }
  /** Since when the formula worker has been asked without answering anything (undefined: it answered). */
  private waitingSince: number | undefined;
}

/** Foreground colour for rendered formulas and plots, from the theme kind. */
export function themeColor(): string {
  switch (vscode.window.activeColorTheme.kind) {
    case vscode.ColorThemeKind.Light:
      return '#1f1f1f';
    case vscode.ColorThemeKind.HighContrastLight:
      return '#000000';
    case vscode.ColorThemeKind.HighContrast:
      return '#ffffff';
    default:
      return '#cccccc';
  }
}

function hoverSettings(): { enabled: boolean; languages: string[] } {
  const c = vscode.workspace.getConfiguration(SECTION);
  const enabled = c.get<unknown>('hover.enabled', true);
  const langs = c.get<unknown>('hover.languages', DEFAULT_LANGUAGES);
  const languages = Array.isArray(langs) && langs.every((l) => typeof l === 'string' && l.length > 0 && l.length < 64) ? (langs as string[]) : DEFAULT_LANGUAGES;
  return { enabled: enabled !== false, languages };
}

export function registerFormulaFeature(context: vscode.ExtensionContext, panel: StudyPanel, jobs?: JobManager): FormulaService {
  const service = new FormulaService(context.extensionPath);
  context.subscriptions.push(service);
  const examples = jobs && new ModelExampleWatch(jobs, panel);
  if (examples) context.subscriptions.push(examples);
  const prewarmed = new Map<string, number>();

  const applies = (doc: vscode.TextDocument) => hoverSettings().languages.includes(doc.languageId);
  const prewarm = (doc: vscode.TextDocument) => {
    if (!hoverSettings().enabled || !applies(doc) || prewarmed.get(doc.uri.toString()) === doc.version) return;
    prewarmed.set(doc.uri.toString(), doc.version);
    void service.prewarm(doc).catch(() => undefined);
  };

  let hoverRegistration: vscode.Disposable | undefined;
  const registerHover = () => {
    hoverRegistration?.dispose();
    const { enabled, languages } = hoverSettings();
    if (!enabled) return;
    hoverRegistration = vscode.languages.registerHoverProvider(
      languages.map((language) => ({ language })),
      {
        async provideHover(doc, position, token) {
          const offset = doc.offsetAt(position);
          try {
            const r = await service.request('hover', {
              text: doc.getText(),
              offset,
              languageId: doc.languageId,
              color: themeColor(),
              allowedCommands: FORMULA_HOVER_COMMANDS,
              explainArgs: { uri: doc.uri.toString(), offset },
              noteUri: doc.uri.toString(),
              preamble: await readPreamble(doc),
            }, HOVER_TIMEOUT_MS);
            if (!r || token.isCancellationRequested) return undefined;
            const md = new vscode.MarkdownString(r.markdown);
            md.isTrusted = { enabledCommands: [...FORMULA_HOVER_COMMANDS] };
            md.supportHtml = false;
            markWalkthrough('hoverShown');
            return new vscode.Hover(md, new vscode.Range(doc.positionAt(r.start), doc.positionAt(r.end)));
          } catch {
            return undefined; // a slow or crashed worker costs one hover, never an error popup
          }
        },
      },
    );
  };
  registerHover();

  context.subscriptions.push(
    { dispose: () => hoverRegistration?.dispose() },
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(`${SECTION}.hover`)) registerHover();
    }),
    vscode.workspace.onDidOpenTextDocument(prewarm),
    vscode.window.onDidChangeActiveTextEditor((ed) => ed && prewarm(ed.document)),
    vscode.workspace.onDidCloseTextDocument((d) => prewarmed.delete(d.uri.toString())),
    vscode.commands.registerCommand('mlStudy.explainFormulaAtCursor', async (args?: unknown) => {
      const target = await resolveTarget(args);
      if (!target) {
        void showInfo('put the cursor inside a formula ($…$, $$…$$, \\(…\\), \\[…\\]) in a note first.');
        return false;
      }
      const { doc, offset } = target;
      try {
        const text = doc.getText();
        const r = await service.request('explain', { text, offset, languageId: doc.languageId, color: themeColor(), preamble: await readPreamble(doc), noteUri: doc.uri.toString() }, 15_000);
        if (!r) {
          void showInfo('there is no formula at the cursor.');
          return false;
        }
        const data = { ...r, source: `${vscode.workspace.asRelativePath(doc.uri)}, line ${doc.positionAt(offset).line + 1}` };
        if (examples) void examples.show(data, { text, offset });
        else panel.showView('explain', data);
        return true;
      } catch (e) {
        void showError(`could not explain the formula: ${e instanceof Error ? e.message : String(e)}`);
        return false;
      }
    }),
  );
  context.subscriptions.push(
    vscode.commands.registerCommand('mlStudy.plotFunction', async (args?: unknown) => {
      let fn = (args as { fn?: unknown } | undefined)?.fn;
      if (fn === undefined) fn = await vscode.window.showQuickPick(Object.keys(PLOT_LATEX), { title: 'ML Study: plot which function?' });
      if (typeof fn !== 'string' || !Object.hasOwn(PLOT_LATEX, fn)) {
        if (fn !== undefined) void showError(`cannot plot "${String(fn).slice(0, 40)}"; choose one of ${Object.keys(PLOT_LATEX).join(', ')}`);
        return false;
      }
      const text = `$${PLOT_LATEX[fn]}$`;
      try {
        const r = await service.request('explain', { text, offset: 1, languageId: 'markdown', color: themeColor() }, 15_000);
        if (!r) return false;
        panel.showView('explain', { ...r, source: `the ${fn} function` });
        return true;
      } catch (e) {
        void showError(`could not plot ${fn}: ${e instanceof Error ? e.message : String(e)}`);
        return false;
      }
    }),
  );
  if (vscode.window.activeTextEditor) prewarm(vscode.window.activeTextEditor.document);
  panel.handle('explain', {
    'explain.recompute': async (params) => {
      const p = isObject(params) ? params : {};
      if (typeof p.which !== 'string' || !isObject(p.inputs)) throw new Error('recompute needs { which, inputs }');
      return service.request('recompute', { which: p.which, inputs: p.inputs }, HOVER_TIMEOUT_MS);
    },
  });
  return service;
}

/**
 * The document and offset to explain: from hover-link args ({uri, offset}) or the active editor's cursor. A link's
 * URI is hostile: only a document already open or a file of the workspace is read.
 */
async function resolveTarget(args: unknown): Promise<{ doc: vscode.TextDocument; offset: number } | undefined> {
  const a = args as { uri?: unknown; offset?: unknown } | undefined;
  if (a && typeof a.uri === 'string' && a.uri.length <= 4096 && typeof a.offset === 'number' && Number.isInteger(a.offset) && a.offset >= 0) {
    try {
      const uri = vscode.Uri.parse(a.uri, true);
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      if (!open && !vscode.workspace.getWorkspaceFolder(uri)) return undefined;
      const doc = open ?? (await vscode.workspace.openTextDocument(uri));
      if (a.offset <= doc.getText().length) return { doc, offset: a.offset };
    } catch {
      return undefined;
    }
  }
  const ed = vscode.window.activeTextEditor;
  return ed ? { doc: ed.document, offset: ed.document.offsetAt(ed.selection.active) } : undefined;
}
