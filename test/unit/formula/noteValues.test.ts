/**
 * Values read beside a formula in a note, on sentences as notes write them, and the experiment links they make:
 * values checked against the model's ParamSpec, labels that say what will run.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bracketedNumbers, checkExperimentArgs, extractNoteValues, noteExperiment, sentenceAround } from '../../../src/core/formula/noteValues';
import { CATALOG } from '../../../src/core/formula/catalog';
import { XOR_PARAMS } from '../../../src/core/xor/params';
import { validateParams } from '../../../src/core/params';
import { FORMULA_HOVER_COMMANDS, formulaHoverAt } from '../../../src/core/formula';

const ADAM = String.raw`\theta_t = \theta_{t-1} - \eta \frac{\hat m_t}{\sqrt{\hat v_t} + \epsilon}`;
const SGNS = String.raw`\log \sigma(u_o^\top v_c) + \sum_{i=1}^{k} \log \sigma(-u_{w_i}^\top v_c)`;

describe('extractNoteValues', () => {
  it('reads Adam’s β₁, β₂ and η in TeX, Unicode and plain spellings', () => {
    assert.deepEqual(extractNoteValues('adam', ADAM, String.raw`We use $\beta_1 = 0.9$, $\beta_{2} = 0.999$ and a learning rate $\eta = 0.01$.`), { beta1: 0.9, beta2: 0.999, lr: 0.01 });
    assert.deepEqual(extractNoteValues('adam', ADAM, 'Defaults: β₁ = 0.8, β₂ = 0.99, α = 1e-3.'), { beta1: 0.8, beta2: 0.99, lr: 0.001 });
    assert.deepEqual(extractNoteValues('adam', ADAM, 'with beta1=0.85 and beta_2 = 0.995, step size 3 \\times 10^{-4}'), { beta1: 0.85, beta2: 0.995, lr: 0.0003 });
    assert.deepEqual(extractNoteValues('adam', ADAM, String.raw`\beta_1 = 0.9 \\ \beta_2 = 0.999 \\ \eta = 10^{-3}`), { beta1: 0.9, beta2: 0.999, lr: 0.001 });
  });

  it('reads a value right before a display formula', () => {
    const note = 'We use $\\beta_1 = 0.8$ and a learning rate $\\eta = 0.02$:\n\n$$\\theta_t = \\theta_{t-1} - \\eta g$$\n\nDone.';
    const s = note.indexOf('$$');
    const e = note.indexOf('$$', s + 2) + 2;
    assert.deepEqual(extractNoteValues('adam', note.slice(s + 2, e - 2), sentenceAround(note, s, e)), { beta1: 0.8, lr: 0.02 });
  });

  it('does not pick up what is not a value of the run', () => {
    // a year, a power, a schedule, a range, a fraction: none is η, β or k
    assert.deepEqual(extractNoteValues('adam', ADAM, 'Adam (Kingma and Ba, 2014) keeps β₁^t and β₂^t for the bias correction.'), {});
    assert.deepEqual(extractNoteValues('gradient-descent', 'w \\leftarrow w - \\eta \\nabla L', 'with a decaying rate η = 1/t, see section 2.3 on learning rate schedules.'), {});
    assert.deepEqual(extractNoteValues('sgns', SGNS, 'For small data sets k = 5–20 negative samples work well.'), {});
    assert.deepEqual(extractNoteValues('sgns', SGNS, 'the k-th negative sample is drawn from the unigram distribution raised to 3/4.'), {});
    // α is the attention weight in an attention note, not a learning rate
    assert.deepEqual(extractNoteValues('attention', '\\alpha_{ij} = softmax(e_{ij})', 'where α = 0.5 for the first word'), {});
    // "2 hidden layers" is not a hidden size; a window of 2.5 is not a window
    assert.deepEqual(extractNoteValues('mlp', 'h = \\tanh(W x + b)', 'A network with 2 hidden layers.'), {});
    assert.deepEqual(extractNoteValues('skipgram', 'p(o \\mid c)', 'an average window of 2.5 words'), {});
  });

  it('reads k negatives from the formula’s sentence, and a window', () => {
    assert.deepEqual(extractNoteValues('sgns', SGNS, 'where k = 5 negative samples are drawn for each positive pair.'), { negative: 5 });
    assert.deepEqual(extractNoteValues('sgns', SGNS, 'We draw 15 negative samples per pair, with a context window of 2 words.'), { negative: 15, window: 2 });
    assert.deepEqual(extractNoteValues('sgns', SGNS, 'The number of negatives k = 10 and the window size c = 4.'), { negative: 10, window: 4 });
    // the objective written with its number of negatives as the sum's bound
    assert.deepEqual(extractNoteValues('sgns', String.raw`\log \sigma(u_o^\top v_c) + \sum_{i=1}^{5} \log \sigma(-u_{w_i}^\top v_c)`, ''), { negative: 5 });
  });

  it('reads a hidden size and a learning rate next to a network’s formula', () => {
    assert.deepEqual(extractNoteValues('mlp', 'h = \\tanh(W_1 x + b_1)', 'Our MLP has 8 hidden units, trained with learning rate 0.1.'), { hidden: 8, lr: 0.1 });
    assert.deepEqual(extractNoteValues('lstm', 'c_t = f_t \\odot c_{t-1} + i_t \\odot \\tilde c_t', 'with hidden size 256 and lr = 3e-4'), { hidden: 256, lr: 0.0003 });
  });

  it('reads numbers in brackets for a softmax, and not a citation', () => {
    assert.deepEqual(extractNoteValues('softmax', '\\mathrm{softmax}(z)_i', 'For scores z = (2, 1, 0.1) the softmax is'), { numbers: [2, 1, 0.1] });
    assert.deepEqual(extractNoteValues('softmax', '\\mathrm{softmax}([1.8, -1.9, 2.9])', ''), { numbers: [1.8, -1.9, 2.9] });
    assert.equal(bracketedNumbers('as shown in [3] and (Bengio, 2003)'), undefined);
  });
});

describe('sentenceAround', () => {
  it('gives the sentence of an inline formula and the paragraph line before a display formula', () => {
    const text = 'First sentence. We use $\\beta_1 = 0.9$ here. Next one.';
    const at = text.indexOf('$');
    assert.equal(sentenceAround(text, at, text.indexOf('$', at + 1) + 1), 'We use $\\beta_1 = 0.9$ here');
    const note = 'Intro. The update, with learning rate 0.01:\n\n$$w \\leftarrow w - \\eta g$$\n\nwhere g is the gradient. Later text.';
    const s = note.indexOf('$$');
    const e = note.indexOf('$$', s + 2) + 2;
    assert.equal(sentenceAround(note, s, e), 'The update, with learning rate 0.01 $$w \\leftarrow w - \\eta g$$ where g is the gradient');
  });
});

describe('noteExperiment', () => {
  it('puts the note’s Adam values into the XOR run and says so in the label', () => {
    const base = CATALOG.adam.experiment!;
    const { experiment, refused } = noteExperiment(base, { beta1: 0.9, beta2: 0.999, lr: 0.01 });
    assert.deepEqual(refused, []);
    assert.equal(experiment.command, 'mlStudy.trainXor');
    assert.equal(experiment.label, 'Train XOR with Adam (β₁ = 0.9, β₂ = 0.999, η = 0.01) →');
    const params = validateParams(XOR_PARAMS, experiment.args);
    assert.equal(params.optimizer, 'adam');
    assert.equal(params.beta1, 0.9);
    assert.equal(params.beta2, 0.999);
    assert.equal(params.lr, 0.01);
  });

  it('leaves out a value the model refuses, with the spec’s reason', () => {
    const { experiment, refused } = noteExperiment(CATALOG.adam.experiment!, { beta1: 1.5, lr: 0.01 });
    assert.equal(experiment.label, 'Train XOR with Adam (η = 0.01) →');
    assert.equal((experiment.args as Record<string, unknown>).beta1, undefined);
    assert.equal(refused.length, 1);
    assert.match(refused[0], /β₁ = 1\.5: Adam β₁ \(beta1\) must be at least 0 and at most 0\.999999, got 1\.5/);
  });

  it('trains word2vec with k negatives on the note’s folder', () => {
    const uri = 'file:///notes/w2v/sgns.md';
    const { experiment } = noteExperiment(CATALOG.sgns.experiment!, { negative: 7, window: 3 }, uri);
    assert.equal(experiment.command, 'mlStudy.trainWord2vec');
    assert.deepEqual(experiment.args, { params: { arch: 'sgns', negative: 7, window: 3 }, corpus: { folder: uri } });
    assert.equal(experiment.label, "Train word2vec, skip-gram with negative sampling (k = 7 negatives, window 3) on this note's folder →");
    // 64 negatives is over the engine's limit: refused, the link keeps the default
    const big = noteExperiment(CATALOG.sgns.experiment!, { negative: 64 }, uri);
    assert.deepEqual((big.experiment.args as { params: unknown }).params, { arch: 'sgns' });
    assert.match(big.refused[0], /Negatives \(negative\) must be at least 0 and at most 63, got 64/);
  });

  it('keeps a link that takes no values as the catalog has it', () => {
    const base = CATALOG.sigmoid.experiment!;
    assert.deepEqual(noteExperiment(base, { lr: 0.1 }).experiment, base);
  });
});

describe('checkExperimentArgs (a command link’s argument is hostile)', () => {
  it('accepts what noteExperiment builds', () => {
    const a = noteExperiment(CATALOG.adam.experiment!, { beta1: 0.9, beta2: 0.999, lr: 0.01 }).experiment;
    assert.equal(checkExperimentArgs(a.command, a.args), undefined);
    const w = noteExperiment(CATALOG.sgns.experiment!, { negative: 5 }, 'file:///w/n.md').experiment;
    assert.equal(checkExperimentArgs(w.command, w.args), undefined);
  });

  it('refuses out-of-range values, unknown names, wrong shapes and other corpora, each with a reason', () => {
    assert.match(checkExperimentArgs('mlStudy.trainXor', { optimizer: 'adam', beta1: 1.5 })!, /Adam β₁ \(beta1\) must be at least 0 and at most 0\.999999, got 1\.5/);
    assert.match(checkExperimentArgs('mlStudy.trainXor', { lr: 'fast' })!, /Learning rate \(lr\) must be a number/);
    assert.match(checkExperimentArgs('mlStudy.trainXor', { __proto__x: 1 })!, /unknown parameter "__proto__x"/);
    assert.match(checkExperimentArgs('mlStudy.trainXor', [1, 2])!, /must be an object/);
    assert.match(checkExperimentArgs('mlStudy.trainWord2vec', { params: { negative: 500 } })!, /Negatives \(negative\) must be at least 0 and at most 63, got 500/);
    assert.match(checkExperimentArgs('mlStudy.trainWord2vec', { params: {}, corpus: { folder: 'file:///w/n.md', path: '/etc' } })!, /corpus must be one of/);
    assert.match(checkExperimentArgs('mlStudy.trainWord2vec', { params: {}, corpus: '/etc/passwd' })!, /corpus must be one of/);
    assert.match(checkExperimentArgs('mlStudy.trainLstm', { params: {}, run: 'x' })!, /unknown argument "run"/);
    // a command without note values is not judged here
    assert.equal(checkExperimentArgs('mlStudy.plotFunction', { fn: 'x' }), undefined);
  });
});

describe('the hover with the note’s values', () => {
  it('links with the accepted values, lists the refused one, and fills a softmax example with the note’s numbers', () => {
    const note = 'Adam with $\\beta_1 = 1.5$ and $\\beta_2 = 0.99$: $$\\theta_t = \\theta_{t-1} - \\eta \\frac{\\hat m_t}{\\sqrt{\\hat v_t} + \\epsilon}$$ Done.';
    const h = formulaHoverAt(note, note.indexOf('\\theta_t') + 2, 'markdown', { allowedCommands: FORMULA_HOVER_COMMANDS, render: false });
    assert.ok(h);
    assert.equal(h.explanation.concept, 'adam');
    assert.match(h.markdown, /\[Train XOR with Adam \\\(β₂ = 0\\\.99\\\) →\]\(command:mlStudy\.trainXor\?/);
    assert.match(h.markdown, /\*\*Not used from your note\*\*\n\n- β₁ = 1\\\.5\\: Adam β₁/);
    const soft = 'The softmax $\\mathrm{softmax}(z)_i = \\frac{e^{z_i}}{\\sum_j e^{z_j}}$ of z = (3, 1, 0) is what we compute.';
    const s = formulaHoverAt(soft, soft.indexOf('\\mathrm') + 2, 'markdown', { allowedCommands: FORMULA_HOVER_COMMANDS, render: false });
    assert.ok(s?.explanation.example);
    assert.deepEqual(s.explanation.example.inputs[0].value, [3, 1, 0]);
    assert.match(s.explanation.example.text, /^With your note's numbers: /);
  });
});
