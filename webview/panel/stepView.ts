/**
 * Step Through (after Transformer Explainer): one token of the text followed through the whole model — embedding
 * + positional encoding → per layer: layer norm, q/k/v, the scaled scores against every key, the mask, the softmax,
 * the context, the attention output, the residual sum, layer norm, the feed-forward layer and its residual → the
 * final layer norm → logits → the probabilities of the next token (a masked language model: of the token here).
 * Each stage is a small picture (a heat strip of the vector, or a row of cells per head over the keys) with its
 * numbers. Pick the token from the text; the host computes.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '../../media/heads.css';
import type { StepPanelData } from '../../src/shared/views/heads';
import { h, onThemeChange, setChildren } from '../common/vscode';
import { context2d, sizeCanvas } from './canvas';
import { tokenLabel } from './heatmap';
import { headsSummary, openAt } from './headView';
import { attentionColours, type AttentionColours, drawStrip, headColour, maxAbs, n3 } from './vectorBars';
import type { PanelViewModule, ViewContext, ViewFactory } from './viewModule';

/** A number in at most 5 characters, for the cells over the keys. */
const short = (x: number) => x.toFixed(Math.abs(x) >= 10 ? 0 : Math.abs(x) >= 1 ? 1 : 2);
const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));
const KEY_CELL = 44;
const KEY_LABEL = 60;

/** A stage's picture, drawn again on a theme change. */
type Paint = (col: AttentionColours) => void;

/** The numbers under a vector's picture: size, norm, range and the first values. */
function vectorNote(v: readonly number[]): string {
  const norm = Math.sqrt(v.reduce((s, x) => s + x * x, 0));
  return `${v.length} numbers · ‖·‖ = ${n3(norm)} · range ${n3(Math.min(...v))} … ${n3(Math.max(...v))} · ${v.slice(0, 5).map(n3).join(', ')}${v.length > 5 ? ', …' : ''}`;
}

class StepView implements PanelViewModule<'attn-step'> {
  private data: StepPanelData | undefined;
  private paints: Paint[] = [];
  private readonly title = h('h2', { id: 'step-title' }, 'Step through');
  private readonly status = h('p', { class: 'muted heads-status', id: 'step-status' });
  private readonly chips = h('div', { class: 'step-tokens', id: 'step-tokens', role: 'group', 'aria-label': 'The token to follow' });
  private readonly actions = h('span', { class: 'heads-actions' });
  private readonly stages = h('div', { class: 'step-stages', id: 'step-stages' });
  private readonly empty = h('p', { class: 'empty' }, 'Select a few words in a note and run “ML Study: Step Through the Transformer for Selection”, or use the Step through button of the Attention view.');

  constructor(
    private readonly root: HTMLElement,
    private readonly ctx: ViewContext,
  ) {
    const controls = h('div', { class: 'heads-controls' }, h('span', { class: 'muted' }, 'Follow the token:'), h('span', { class: 'spacer' }), this.actions);
    setChildren(root, this.empty, this.title, this.status, controls, this.chips, this.stages);
    onThemeChange(() => this.paint());
  }

  show(data: StepPanelData): void {
    this.data = data;
    this.root.classList.add('heads-has-data');
    this.title.textContent = `Step through — ${data.name}${data.kind === 'mlm' ? ' (masked language model)' : ''}`;
    this.status.textContent = headsSummary(data);
    this.status.classList.remove('error');
    setChildren(this.chips, ...data.tokens.map((t, i) => h('button', { class: `step-token${i === data.position ? ' selected' : ''}`, 'data-position': String(i), 'aria-pressed': String(i === data.position), title: `Follow token ${i + 1}`, onclick: () => void this.select(i) }, tokenLabel(t))));
    const tok = `“${tokenLabel(data.tokens[data.position])}”`;
    setChildren(this.actions, h('vscode-button', { id: 'step-to-neuron', secondary: true, onclick: () => openAt(this.ctx, this.status, data, 'attn-neuron', { layer: 0, head: 0, position: data.position }) }, `Neuron view of ${tok}`));
    this.build(data);
    Object.assign(this.root.dataset, { position: String(data.position), stages: String(this.stages.querySelectorAll('.step-stage').length), top: data.top[0]?.token ?? '', model: data.name });
    this.paint();
  }

  redraw(): void {
    this.paint();
  }

  private async select(position: number): Promise<void> {
    const d = this.data;
    if (!d) return;
    this.status.textContent = 'Computing…';
    try {
      this.show(await this.ctx.host.request('heads.step', { dir: d.dir, text: d.text, position }, 120_000));
    } catch (e) {
      this.status.textContent = errorText(e);
      this.status.classList.add('error');
    }
  }

  private paint(): void {
    if (!this.data) return;
    const col = attentionColours();
    for (const p of this.paints) p(col);
    this.root.dataset.drawn = String(Number(this.root.dataset.drawn ?? 0) + 1);
  }

  /** A stage: a title, a picture and its numbers. */
  private stage(id: string, title: string, picture: HTMLElement, note: string): HTMLElement {
    return h('figure', { class: 'step-stage', id: `step-${id}` }, h('figcaption', { class: 'step-stage-title' }, title), h('div', { class: 'heads-wrap' }, picture), h('div', { class: 'step-note' }, note));
  }

  /** A vector as a heat strip (one cell per number); heads' slices underlined in their colours when `heads` > 1. */
  private strip(id: string, title: string, v: readonly number[], heads = 0): HTMLElement {
    const canvas = h('canvas', { class: 'step-strip', role: 'img', 'aria-label': title });
    const cell = Math.max(3, Math.min(12, Math.floor(640 / Math.max(1, v.length))));
    this.paints.push((col) => {
      sizeCanvas(canvas, v.length * cell + 2, heads > 1 ? 22 : 18);
      const ctx = context2d(canvas, col);
      drawStrip(ctx, v, { x: 1, y: 1, w: v.length * cell, h: 16 }, maxAbs(v), col);
      const per = v.length / Math.max(1, heads);
      for (let hd = 0; heads > 1 && hd < heads; hd++) {
        ctx.fillStyle = headColour(hd);
        ctx.fillRect(1 + hd * per * cell, 19, per * cell - 2, 3);
      }
    });
    return this.stage(id, title, canvas, vectorNote(v));
  }

  /** Per head, one cell per key token with its number (masked keys grey: −∞ for a score, 0 for a weight). */
  private keyCells(id: string, title: string, rows: number[][], masked: boolean[], tokens: string[], fmt: (x: number) => string, note: string, unit: boolean): HTMLElement {
    const maskedText = unit ? '0' : '−∞';
    const canvas = h('canvas', { class: 'step-keys', role: 'img', 'aria-label': title });
    this.paints.push((col) => {
      sizeCanvas(canvas, KEY_LABEL + tokens.length * KEY_CELL + 2, 18 + rows.length * 20);
      const ctx = context2d(canvas, col);
      ctx.textBaseline = 'middle';
      ctx.textAlign = 'center';
      ctx.font = `11px ${col.mono}`;
      tokens.forEach((t, j) => {
        ctx.fillStyle = col.dim;
        ctx.fillText(tokenLabel(t).slice(0, 5), KEY_LABEL + j * KEY_CELL + KEY_CELL / 2, 9);
      });
      const scale = unit ? 1 : maxAbs(rows.flatMap((r) => r.filter((_, j) => !masked[j])));
      rows.forEach((row, hd) => {
        const y = 18 + hd * 20;
        ctx.textAlign = 'left';
        ctx.fillStyle = headColour(hd);
        ctx.fillText(`head ${hd + 1}`, 2, y + 10);
        ctx.textAlign = 'center';
        row.forEach((x, j) => {
          const cx = KEY_LABEL + j * KEY_CELL;
          if (masked[j]) {
            ctx.fillStyle = col.grid;
            ctx.fillRect(cx + 1, y + 1, KEY_CELL - 2, 18);
            ctx.fillStyle = col.dim;
            ctx.fillText(maskedText, cx + KEY_CELL / 2, y + 10);
            return;
          }
          drawStrip(ctx, [x], { x: cx + 1, y: y + 1, w: KEY_CELL - 2, h: 18 }, scale, col);
          ctx.fillStyle = col.fg;
          ctx.fillText(fmt(x), cx + KEY_CELL / 2, y + 10);
        });
      });
    });
    return this.stage(id, title, canvas, note);
  }

  /** The top-k tokens: a bar per token, its probability and logit. */
  private topK(d: StepPanelData): HTMLElement {
    const rows = d.top.map((t) => {
      const bar = h('span', { class: 'step-prob-fill' });
      bar.style.width = `${(t.p * 100).toFixed(1)}%`;
      const actual = d.actual !== undefined && t.token === d.actual;
      return h('li', { class: `step-prob${actual ? ' actual' : ''}` }, h('span', { class: 'step-prob-token' }, `“${tokenLabel(t.token)}”`), h('span', { class: 'step-prob-bar' }, bar), h('span', { class: 'step-prob-p' }, `${(t.p * 100).toFixed(1)}%`), h('span', { class: 'muted' }, `logit ${n3(t.logit)}`));
    });
    const what = d.predicts === 'next' ? 'the next token' : 'the token at this position';
    const actual = d.actual === undefined ? '' : ` The text has “${tokenLabel(d.actual)}” there: p = ${((d.actualP ?? 0) * 100).toFixed(2)}%.`;
    return h('figure', { class: 'step-stage', id: 'step-probs' }, h('figcaption', { class: 'step-stage-title' }, `Probabilities of ${what}: softmax over all ${d.vocab} logits (top ${d.top.length})`), h('ol', { class: 'step-probs', id: 'step-top' }, ...rows), h('div', { class: 'step-note' }, `Logits range ${n3(d.logitRange[0])} … ${n3(d.logitRange[1])}.${actual}`));
  }

  private build(d: StepPanelData): void {
    this.paints = [];
    const tok = `“${tokenLabel(d.tokens[d.position])}”`;
    const keys = d.tokens;
    const out: HTMLElement[] = [
      this.strip('embedding', `1 · Embedding of ${tok}: the row of E for this token`, d.embedding),
      this.strip('position', `2 · Positional encoding of position ${d.position + 1} (sinusoids)`, d.positional),
      this.strip('x0', '3 · x = embedding + position: what the first layer reads', d.x0),
    ];
    d.layerSteps.forEach((L, l) => {
      const n = (s: string) => `Layer ${l + 1} · ${s}`;
      out.push(
        h('h3', { class: 'step-layer' }, `Layer ${l + 1}`),
        this.strip(`l${l}-ln1`, n('LN(x): layer norm before attention'), L.ln1),
        this.strip(`l${l}-q`, n(`q = LN(x) W_q + b_q (${d.heads} heads of ${d.dk}, underlined by head)`), L.q, d.heads),
        this.strip(`l${l}-k`, n('k = LN(x) W_k + b_k (this token’s key)'), L.k, d.heads),
        this.strip(`l${l}-v`, n('v = LN(x) W_v + b_v (this token’s value)'), L.v, d.heads),
        this.keyCells(`l${l}-scores`, n(`scores q·k_j / √d_k against every key, then the mask${d.causal ? ' (−∞ for later tokens)' : ' (none: bidirectional)'}`), L.scaled, L.masked, keys, short, `${L.masked.filter(Boolean).length} of ${keys.length} keys masked.`, false),
        this.keyCells(`l${l}-softmax`, n('softmax over the keys: the attention weights (each head’s row sums to 1)'), L.weights, L.masked, keys, (x) => x.toFixed(2), L.weights.map((w, hd) => `head ${hd + 1}: strongest on “${tokenLabel(keys[w.indexOf(Math.max(...w))])}” (${Math.max(...w).toFixed(3)})`).join(' · '), true),
        this.strip(`l${l}-context`, n('context Σ_j w_j v_j, heads side by side'), L.context, d.heads),
        this.strip(`l${l}-attn`, n('attention output: context W_o + b_o'), L.attnOut),
        this.strip(`l${l}-resid1`, n('residual: x + attention output'), L.resid1),
        this.strip(`l${l}-ln2`, n('LN: layer norm before the feed-forward layer'), L.ln2),
        this.strip(`l${l}-ffn`, n(`feed-forward hidden layer relu(LN W_1 + b_1): ${L.hidden.filter((x) => x > 0).length} of ${L.hidden.length} units active`), L.hidden),
        this.strip(`l${l}-out`, n('residual: + the feed-forward output W_2 + b_2 — what the next layer reads'), L.output),
      );
    });
    out.push(this.strip('final', 'Final layer norm: the vector the output layer reads', d.final), this.topK(d));
    setChildren(this.stages, ...out);
  }
}

export const stepView: ViewFactory<'attn-step'> = (root, ctx) => new StepView(root, ctx);
