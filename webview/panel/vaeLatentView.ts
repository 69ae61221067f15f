/**
 * The Latent Space view of an autoencoder or VAE: the codes of the data coloured by class, a grid of decodings
 * across the latent plane, inputs beside their reconstructions, and the ELBO's two terms (reconstruction, KL) as
 * separate curves; kind, data and β as controls that train again. Every number comes from the engine's snapshot.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '../../media/models.css';
import type { LatentSnapshot } from '../../src/shared/views/models';
import { formatNumber, h, setChildren } from '../common/vscode';
import { lineChart, s, scatter, toX, toY } from './svgPlot';
import type { ViewFactory } from './viewModule';

type Valued = HTMLElement & { value: string };

/** A glyph (side × side values in [0, 1]) as SVG squares. */
function glyph(values: number[], side: number, px: number): SVGElement {
  const svg = s('svg', { width: side * px, height: side * px, class: 'glyph' });
  values.forEach((v, i) => {
    if (v < 0.05) return;
    svg.append(s('rect', { x: (i % side) * px, y: Math.floor(i / side) * px, width: px, height: px, class: 'ink', 'fill-opacity': Math.min(1, v).toFixed(2) }));
  });
  return svg;
}

function latentPlot(snap: LatentSnapshot): HTMLElement {
  const { xy, labels, words } = snap.points;
  const pts = labels.map((l, i) => ({ x: xy[2 * i], y: xy[2 * i + 1], cls: `c${l % 4}`, title: words?.[i] }));
  const legend = h('div', { class: 'models-legend' }, ...snap.data.classNames.map((n, c) => h('span', { class: `legend-item c${c % 4}` }, n)));
  return h('figure', { class: 'models-figure' }, scatter(pts, { size: 300, xLabel: snap.kind === 'vae' ? 'μ₁' : 'z₁', yLabel: snap.kind === 'vae' ? 'μ₂' : 'z₂', id: 'vae-latent-plot' }).svg, legend, h('figcaption', {}, `Codes of ${labels.length} of ${snap.data.rows} rows, coloured by class.`));
}

/** Decodings across the latent plane: glyphs in a grid, decoded 2-D points over the data, or nearest words. */
function gridFigure(snap: LatentSnapshot): HTMLElement {
  const g = snap.grid;
  const caption = h('figcaption', {}, `Decodings of a ${g.n} × ${g.n} grid over z₁ ∈ [${formatNumber(g.range[0][0])}, ${formatNumber(g.range[0][1])}]${g.range[1] ? `, z₂ ∈ [${formatNumber(g.range[1][0])}, ${formatNumber(g.range[1][1])}]` : ''}.`);
  let body: Element;
  if (snap.data.kind === 'glyphs') {
    const side = snap.data.shape[0];
    body = h('div', { class: 'glyph-grid', id: 'vae-grid' }, ...g.decoded.map((v) => glyph(v, side, 3)));
    (body as HTMLElement).dataset.n = String(g.n);
  } else if (snap.data.kind === 'points') {
    const input = snap.reconstructions.map((r) => ({ x: r.input[0], y: r.input[1], cls: 'faint' }));
    const dec = g.decoded.map((v) => ({ x: v[0], y: v[1], cls: 'cgrid' }));
    const plot = scatter([...input, ...dec], { size: 300, xLabel: 'x₁', yLabel: 'x₂', id: 'vae-grid' });
    // lines join neighbouring cells of the grid, so the decoded plane shows as a sheet over the data
    for (let i = 0; i < g.decoded.length; i++) {
      for (const j of [i % g.n < g.n - 1 ? i + 1 : -1, i + g.n < g.decoded.length ? i + g.n : -1]) {
        if (j < 0) continue;
        plot.svg.append(s('line', { x1: toX(plot.frame, dec[i].x), y1: toY(plot.frame, dec[i].y), x2: toX(plot.frame, dec[j].x), y2: toY(plot.frame, dec[j].y), class: 'grid-line' }));
      }
    }
    body = plot.svg;
  } else {
    body = h('table', { class: 'word-grid', id: 'vae-grid' }, ...Array.from({ length: g.decoded.length / g.n }, (_, r) => h('tr', {}, ...(g.nearest ?? []).slice(r * g.n, (r + 1) * g.n).map((w) => h('td', {}, w)))));
  }
  return h('figure', { class: 'models-figure' }, body, caption);
}

function reconstructions(snap: LatentSnapshot): HTMLElement {
  const rs = snap.reconstructions;
  let body: Element;
  if (snap.data.kind === 'glyphs') {
    const side = snap.data.shape[0];
    body = h('div', { class: 'recon-pairs' }, ...rs.map((r) => h('div', { class: 'recon-pair' }, glyph(r.input, side, 4), h('span', {}, '→'), glyph(r.output, side, 4))));
  } else if (snap.data.kind === 'points') {
    const pts = [...rs.map((r) => ({ x: r.input[0], y: r.input[1], cls: 'faint' })), ...rs.map((r) => ({ x: r.output[0], y: r.output[1], cls: `c${r.label % 4}` }))];
    body = scatter(pts, { size: 300, xLabel: 'x₁', yLabel: 'x₂' }).svg;
  } else {
    body = h('table', { class: 'word-grid' }, h('tr', {}, h('th', {}, 'word'), h('th', {}, 'nearest to its reconstruction')), ...rs.map((r) => h('tr', {}, h('td', {}, r.word ?? ''), h('td', {}, r.nearest ?? ''))));
  }
  return h('figure', { class: 'models-figure', id: 'vae-recon' }, body, h('figcaption', {}, snap.data.kind === 'points' ? 'Inputs (faint) and their reconstructions (coloured by class).' : 'Inputs and their reconstructions.'));
}

function elbo(snap: LatentSnapshot): HTMLElement {
  const hist = snap.history;
  const rec = lineChart([{ name: 'reconstruction', cls: 'c0', points: hist.map((p) => [p.epoch, p.recon]) }], { width: 300, height: 200, xLabel: 'epoch', yLabel: 'reconstruction', id: 'vae-recon-curve' });
  const figs = [h('figure', { class: 'models-figure' }, rec)];
  if (snap.kind === 'vae') figs.push(h('figure', { class: 'models-figure' }, lineChart([{ name: 'KL(q(z|x) ‖ p(z))', cls: 'c1', points: hist.map((p) => [p.epoch, p.kl]) }], { width: 300, height: 200, xLabel: 'epoch', yLabel: 'KL', id: 'vae-kl-curve' })));
  const last = hist[hist.length - 1];
  const caption = last ? `Epoch ${last.epoch}: reconstruction ${formatNumber(last.recon)}${snap.kind === 'vae' ? `, KL ${formatNumber(last.kl)}, loss = rec + β·KL = ${formatNumber(last.loss)} (β ${snap.beta})` : ''}` : '';
  return h('div', {}, h('div', { class: 'models-figures' }, ...figs), h('p', { class: 'models-caption', id: 'vae-elbo-caption' }, caption));
}

export const vaeLatentView: ViewFactory<'vae-latent'> = (root, ctx) => {
  const wrap = h('div', { class: 'models' });
  root.append(wrap);
  const select = (id: string, options: [string, string][]) => h('vscode-single-select', { id }, ...options.map(([v, label]) => h('vscode-option', { value: v }, label))) as Valued;
  const kind = select('vae-kind', [['vae', 'VAE'], ['autoencoder', 'Autoencoder']]);
  const data = select('vae-data', [['points', '2-D points'], ['glyphs', 'Glyphs'], ['vectors:', 'My word vectors (newest)']]);
  const beta = h('vscode-textfield', { id: 'vae-beta', class: 'models-number', value: '1' }) as Valued;
  const error = h('div', { class: 'models-error', id: 'vae-error' });
  const train = () => {
    error.textContent = '';
    const b = Number(beta.value);
    if (beta.value.trim() === '' || !(b >= 0 && b <= 100)) {
      error.textContent = 'β must be a number from 0 to 100';
      return;
    }
    ctx.host.request('vae.train', { kind: kind.value as 'vae' | 'autoencoder', data: data.value, beta: b }).catch((e: Error) => (error.textContent = e.message));
  };
  const label = (text: string, el: HTMLElement) => h('label', { class: 'models-labelled' }, text, el);
  const status = h('div', { class: 'models-status', id: 'vae-status' });
  const body = h('div', {});
  setChildren(wrap, h('h2', {}, 'Autoencoder and VAE: the latent space'), h('div', { class: 'models-controls' }, label('Model', kind), label('Data', data), label('β (KL weight)', beta), h('vscode-button', { id: 'vae-train', onclick: train }, 'Train')), error, status, body);
  return {
    show(d) {
      kind.value = d.kind;
      data.value = d.data.startsWith('vectors:') ? 'vectors:' : d.data;
      beta.value = String(d.beta);
      const snap = d.snapshot;
      status.textContent = `${d.job ? `${d.job.label} (${d.job.status})` : 'saved model'}${snap ? ` · ${snap.kind === 'vae' ? `VAE, β ${snap.beta}` : 'autoencoder'} on ${snap.data.source}, latent ${snap.latent}` : ' · waiting for the first epoch'}`;
      error.textContent = d.error ?? '';
      root.dataset.status = d.job?.status ?? 'saved';
      root.dataset.epochs = String(snap?.history.length ?? 0);
      root.dataset.data = snap?.data.kind ?? '';
      if (!snap) return setChildren(body, null);
      setChildren(body, h('div', { class: 'models-figures' }, latentPlot(snap), gridFigure(snap), reconstructions(snap)), h('h3', {}, snap.kind === 'vae' ? 'The ELBO, term by term' : 'Reconstruction'), elbo(snap));
    },
  };
};
