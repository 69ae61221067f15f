/**
 * The Explain view: one formula, larger than a hover — rendered, named, explained symbol by symbol, with its worked
 * example made interactive (edit the inputs, the outputs are recomputed by the project's math code on the host side)
 * and its plot. All text goes in through textContent; the rendered formula and plot are images (data: URIs), so
 * nothing inside them can run.
 */
import type { ExampleField, Value, WorkedExample } from '../../src/core/formula/examples';
import type { ExplainPanelData } from '../../src/shared/views/explain';
import { h, setChildren } from '../common/vscode';
import type { PanelViewModule, ViewContext } from './viewModule';

export function explainView(root: HTMLElement, ctx: ViewContext): PanelViewModule<'explain'> {
  setChildren(root, h('p', { class: 'empty' }, 'Hover a formula in your notes and choose “Explain in the panel”, or run “ML Study: Explain Formula at Cursor”.'));
  return { show: (data) => renderExplain(root, data, ctx) };
}

export function svgImage(svg: string, alt: string, cls: string): HTMLImageElement {
  const img = h('img', { class: cls, alt });
  img.src = `data:image/svg+xml;base64,${btoa(unescape(encodeURIComponent(svg)))}`;
  return img;
}

function formatValue(v: Value): string {
  const num = (x: number) => (Number.isInteger(x) ? String(x) : Math.abs(x) >= 1e-3 || x === 0 ? x.toFixed(4).replace(/0+$/, '').replace(/\.$/, '') : x.toExponential(2));
  if (typeof v === 'number') return num(v);
  if (Array.isArray(v) && v.every((x) => typeof x === 'number')) return (v as number[]).map(num).join(', ');
  return (v as number[][]).map((row) => row.map(num).join(', ')).join(' ; ');
}

/** Parse what the user typed back into the field's shape: "1, 2; 3, 4" is a matrix, "1, 2" a vector. */
function parseValue(text: string, like: Value): Value {
  if (Array.isArray(like) && Array.isArray(like[0])) return text.split(';').map((r) => r.split(',').map((x) => Number(x.trim())));
  if (Array.isArray(like)) return text.split(',').map((x) => Number(x.trim()));
  return Number(text.trim());
}

/** The worked example with an input field per input; an edit asks the host to recompute the outputs. */
function workedExample(ex: ExplainPanelData['explanation'], ctx: ViewContext): HTMLElement | null {
  if (!ex.example || !ex.exampleKind) return null;
  const which = ex.exampleKind;
  const outputsEl = h('dl', { class: 'example-outputs', id: 'example-outputs' });
  const exampleText = h('p', { class: 'example-text', id: 'example-text' });
  const exampleError = h('p', { class: 'field-error', id: 'example-error', role: 'alert' });
  const showOutputs = (w: WorkedExample) => {
    setChildren(outputsEl, ...w.outputs.flatMap((o: ExampleField) => [h('dt', {}, o.label), h('dd', { 'data-name': o.name }, formatValue(o.value))]));
    exampleText.textContent = w.text;
  };
  const current: Record<string, Value> = Object.fromEntries(ex.example.inputs.map((f) => [f.name, f.value]));
  let seq = 0;
  const inputs = ex.example.inputs.map((f) => {
    const input = h('vscode-textfield', { id: `example-${f.name}`, value: formatValue(f.value), 'aria-label': f.label });
    let last = formatValue(f.value);
    const onEdit = async () => {
      const raw = String((input as unknown as { value: string }).value);
      if (raw === last) return;
      last = raw;
      current[f.name] = parseValue(raw, f.value);
      const mine = ++seq;
      const r = await ctx.host.request('explain.recompute', { which, inputs: current }, 10_000).catch((e: unknown) => ({ error: e instanceof Error ? e.message : String(e) }));
      if (mine !== seq) return; // a newer edit is on its way
      const failed = 'error' in r;
      exampleError.textContent = failed ? r.error : '';
      input.toggleAttribute('invalid', failed);
      if (!failed) showOutputs(r);
    };
    // vscode-textfield re-dispatches `input` from its inner field; keyup and change cover the rest.
    for (const ev of ['input', 'keyup', 'change']) input.addEventListener(ev, () => void onEdit());
    return h('div', { class: 'row' }, h('label', { for: `example-${f.name}` }, f.label), input);
  });
  showOutputs(ex.example);
  return h('section', { class: 'example' }, h('h3', {}, 'Worked example — edit the inputs'), ...inputs, exampleError, outputsEl, exampleText);
}

/** The worked example from the user's own saved model, labelled as such; or why there is none yet. */
function fromModelSection(fm: ExplainPanelData['fromModel']): HTMLElement | null {
  if (!fm) return null;
  const head = h('h3', {}, 'With your model');
  if ('missing' in fm) return h('section', { class: 'from-model', id: 'from-model' }, head, h('p', { class: 'muted', id: 'from-model-missing' }, fm.missing));
  if ('error' in fm) return h('section', { class: 'from-model', id: 'from-model' }, head, h('p', { class: 'field-error', role: 'alert' }, fm.error));
  const ex = fm.example;
  return h(
    'section',
    { class: 'from-model', id: 'from-model' },
    head,
    h('p', { id: 'from-model-title' }, `${ex.title} — model “${ex.model}”`),
    h('dl', { class: 'example-outputs' }, ...ex.rows.flatMap((r) => [h('dt', {}, r.label), h('dd', {}, r.value)])),
    h('p', { class: 'muted' }, ex.text),
  );
}

const symbolList = (items: Array<{ symbol: string; meaning: string }>) => h('ul', { class: 'symbols' }, ...items.map((s) => h('li', {}, h('code', {}, s.symbol), ` — ${s.meaning}`)));

function renderExplain(root: HTMLElement, view: ExplainPanelData, ctx: ViewContext): void {
  const ex = view.explanation;
  setChildren(
    root,
    h('header', { class: 'explain-head' }, h('h2', { id: 'explain-title' }, ex.title), ex.concept ? h('vscode-badge', { id: 'explain-concept' }, ex.concept) : h('span', { class: 'muted' }, 'not a catalog concept')),
    h('p', { class: 'muted' }, `From ${view.source}`),
    view.svg ? svgImage(view.svg, ex.latex, 'formula') : h('div', { class: 'render-error' }, h('p', {}, `Could not render this formula: ${view.renderError ?? 'unknown error'}`), h('pre', {}, ex.latex)),
    ex.derivativeNote ? h('p', { id: 'explain-derivative' }, ex.derivativeNote) : null,
    h('p', { class: 'summary' }, ex.summary),
    ex.why ? h('p', { class: 'muted' }, `Recognised by: ${ex.why}`) : null,
    ex.symbols.length ? h('section', {}, h('h3', {}, ex.concept ? 'In your notation' : 'Symbols'), symbolList(ex.symbols)) : null,
    !ex.concept && ex.operators.length ? symbolList(ex.operators) : null,
    workedExample(ex, ctx),
    fromModelSection(view.fromModel),
    view.plotSvg ? h('section', {}, h('h3', {}, ex.plot ? `Plot of ${ex.plot.fn}` : 'Plot'), svgImage(view.plotSvg, `plot of ${ex.plot?.fn ?? ''}`, 'plot')) : null,
    ex.pitfalls.length ? h('section', {}, h('h3', {}, 'Watch out'), h('ul', {}, ...ex.pitfalls.map((p) => h('li', {}, p)))) : null,
  );
}
