/**
 * The formula worker: finds, recognises, explains and renders (MathJax) formulas off the extension host thread.
 * Answers FormulaRequests; keeps MathJax and the explanation caches warm between hovers.
 */
import { parentPort } from 'node:worker_threads';
import type { FormulaRequests, Request } from '../shared/protocol';
import { type Handlers, serve } from '../shared/rpc';
import { formulaIndexHandlers } from './formulaIndexRequests';
import { findAllMath, formulaHoverAt, formulaPanelAt, plotSvg, recomputeExample, renderTexToSvg } from '../core/formula';

if (!parentPort) throw new Error('formulaWorker.ts must run in a worker thread');
const port = parentPort;

type P<M extends keyof FormulaRequests> = FormulaRequests[M]['params'];

/**
 * Render and explain every formula of a document ahead of the first hover, one formula per turn of the event loop,
 * so a hover that arrives meanwhile is answered after at most one formula's work. A newer prewarm of the same
 * document supersedes an older one.
 */
const prewarmGeneration = new Map<string, number>();
async function prewarm(p: P<'prewarm'> & { key?: string }): Promise<number> {
  const key = p.key ?? '';
  const gen = (prewarmGeneration.get(key) ?? 0) + 1;
  prewarmGeneration.set(key, gen);
  let n = 0;
  for (const span of findAllMath(p.text, p.languageId)) {
    await new Promise<void>((r) => setImmediate(r));
    if (prewarmGeneration.get(key) !== gen) break;
    const h = formulaHoverAt(p.text, span.start + 1, p.languageId, { allowedCommands: [], color: p.color, render: false, preamble: p.preamble });
    renderTexToSvg(h?.explanation.latex ?? span.latex, { display: span.display, color: p.color });
    n++;
  }
  return n;
}

const handlers: Handlers<FormulaRequests> = {
  hover: (p) => {
    const h = formulaHoverAt(p.text, p.offset, p.languageId, { allowedCommands: p.allowedCommands, color: p.color, explainArgs: p.explainArgs, preamble: p.preamble, noteUri: p.noteUri });
    return h ? { markdown: h.markdown, start: h.span.start, end: h.span.end } : null;
  },
  explain: (p) => {
    const panel = formulaPanelAt(p.text, p.offset, p.languageId, { color: p.color, preamble: p.preamble, noteUri: p.noteUri });
    if (!panel) return null;
    const { explanation, rendered: r } = panel;
    return {
      explanation,
      ...('svg' in r ? { svg: r.svg } : { renderError: r.error }),
      plotSvg: explanation.plot ? plotSvg(explanation.plot.fn, { color: p.color }) : undefined,
    };
  },
  render: (p) => renderTexToSvg(String(p.latex), { display: p.display === true, color: p.color }),
  recompute: (p) => recomputeExample(String(p.which), p.inputs && typeof p.inputs === 'object' ? p.inputs : {}),
  prewarm,
  ...formulaIndexHandlers,
  // Development builds only, for the integration test of the hung-worker restart: block the thread, answer nothing.
  hang: (p) => {
    if (process.env.NODE_ENV === 'production') throw new Error('unknown formula request "hang"');
    const end = Date.now() + Math.min(Math.max(0, Number(p.ms) || 0), 120_000);
    while (Date.now() < end) {
      // busy: no request is answered until this returns
    }
    return null;
  },
};
const answer = serve<FormulaRequests>(handlers, (r) => port.postMessage(r));

port.on('message', (msg: Request) => {
  if (msg?.type === 'request') void answer(msg);
});
