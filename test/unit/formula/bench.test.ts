import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { acceptableMisses, evaluateFolder, evaluateSource, formatReport, keyOfTex, labelsAsExplain, macroLine, parseAlsoAcceptable, parseLabelFile, pool, prettyKey, roleMatches, rolesOfMeaning, symbolFinder } from '../../../bench/formula/evaluate';
import { parseMacros } from '../../../src/core/formula/macros';
import type { Explanation } from '../../../src/core/formula/explain';
import { repoRoot } from './fixtures';

const folder = () => path.join(repoRoot(), 'test', 'fixtures', 'formulas', 'realnotes-format');

test('label files: concepts, roles and # macros lines are read; a bad label is one clear error with its line', () => {
  const f = parseLabelFile(fs.readFileSync(path.join(folder(), 'own-a.txt'), 'utf8'), false);
  assert.equal(f.formulas.length, 5);
  assert.deepEqual(f.formulas.map((x) => x.expected), ['sigmoid', 'softmax', 'relu', null, null]);
  assert.match(f.macros, /\\newcommand\{\\vx\}/);
  const r = parseLabelFile(fs.readFileSync(path.join(folder(), 'own-a.roles.txt'), 'utf8'), true);
  assert.deepEqual(r.formulas[0].roles![2], { symbol: 'u_k', role: 'negative-vector' });
  const bad = parseLabelFile('softmaxx ||| ||| x\nsoftmax ||| ||| y', false);
  assert.deepEqual(bad.formulas.map((x) => x.latex), ['y']);
  assert.match(bad.warnings[0], /line 1: "softmaxx" is not a catalog id/);
  const badRole = parseLabelFile('softmax ||| ||| x ||| z = zebra ; x = input', true);
  assert.deepEqual(badRole.formulas[0].roles, [{ symbol: 'x', role: 'input' }]);
  assert.match(badRole.warnings[0], /unknown role "zebra"/);
  assert.match(parseLabelFile('softmax x', false).warnings[0], /line 1: not "expected/);
});

test('counting: right / wrong / unsure, null claims and roles, against a scripted recogniser', () => {
  const lines = ['sigmoid ||| ||| a', 'softmax ||| ||| b', 'relu ||| ||| c', 'null ||| ||| d', 'null ||| ||| e', 'null ||| ||| f'].join('\n');
  const said: Record<string, string | null> = { a: 'sigmoid', b: 'attention', c: null, d: null, e: 'mse', f: null };
  const roles = ['sigmoid ||| ||| a ||| z = input ; q = shape ; r = shape ; w = weight'].join('\n');
  const meanings = [
    { symbol: 'z', meaning: 'the input score' },
    { symbol: 'q', meaning: 'a vector indexed by i' },
    { symbol: 'r', meaning: 'the bias' },
  ];
  const explain = (latex: string) => ({ concept: said[latex] ?? null, symbols: latex === 'a' ? meanings : [] }) as unknown as Explanation;
  const r = evaluateSource('scripted', parseLabelFile(lines, false), parseLabelFile(roles, true), explain);
  assert.deepEqual([r.catalog, r.right, r.wrong, r.unsure, r.nulls, r.claimed], [3, 1, 1, 1, 3, 1]);
  // z right (input claimed), q right (shape: no role claimed), r wrong (shape but "bias" claims a role), w wrong (not explained).
  assert.deepEqual([r.roleLetters, r.roleRight], [4, 2]);
  assert.deepEqual(r.missLines, { wrong: [2], unsure: [3], claimed: [5], roles: [1] });
});

test('the labeller\'s "also acceptable" list: both line styles, several ids, comments in parentheses left out', () => {
  const notes = [
    '## Also acceptable (line N = line number in the .txt file, header lines included)',
    '- line 27 of own-notes-ja (formula 23, labelled `null`: `\\frac{\\partial L}{\\partial W}`): also acceptable chain-rule',
    '- line 28 of own-notes-ja (formula 24, labelled `affine-layer`: `z = hW + b`): also acceptable mlp, null (the layer alone)',
    '- own-sheet-zh.txt line 133: `-\\eta * d` labelled gradient-descent: also acceptable null (a fragment, not softmax)',
    '- line 9 of own-notes-ja (formula 5, labelled `sigmoid`): also acceptable a logistic unit (no catalog id here)',
    '- line 40 of other: labelled null, nothing else listed',
  ].join('\n');
  const alt = parseAlsoAcceptable(notes);
  assert.deepEqual([...alt.keys()].sort(), ['own-notes-ja', 'own-sheet-zh']);
  assert.deepEqual([...alt.get('own-notes-ja')!.get(27)!], ['chain-rule']);
  assert.deepEqual([...alt.get('own-notes-ja')!.get(28)!].sort(), ['mlp', 'null']);
  // ("softmax" inside the parenthesised comment is not a listed answer.)
  assert.deepEqual([...alt.get('own-sheet-zh')!.get(133)!], ['null']);
  assert.equal(alt.get('own-notes-ja')!.get(9), undefined);
  // One entry may list several lines of a source.
  const many = parseAlsoAcceptable('- lines 21, 33 and 35 of own-notes-en (`z = wx + b`): also acceptable logistic-regression\n- lines 4, 9 of own-notes-en: also acceptable null');
  assert.deepEqual([21, 33, 35, 4, 9].map((n) => [...(many.get('own-notes-en')?.get(n) ?? [])].join()), ['logistic-regression', 'logistic-regression', 'logistic-regression', 'null', 'null']);
  assert.equal(many.get('own-notes-en')?.get(34), undefined);
});

test('misses the labeller allowed are counted apart, and only those: a listed concept, unsure where null is listed', () => {
  const lines = ['affine-layer ||| ||| a', 'affine-layer ||| ||| b', 'sigmoid ||| ||| c', 'sigmoid ||| ||| d', 'null ||| ||| e', 'null ||| ||| f'].join('\n');
  const said: Record<string, string | null> = { a: 'mlp', b: 'softmax', c: null, d: null, e: 'chain-rule', f: 'mse' };
  const explain = (latex: string) => ({ concept: said[latex] ?? null, symbols: [] }) as unknown as Explanation;
  const alt = new Map([[1, new Set(['mlp', 'null'])], [2, new Set(['mlp'])], [3, new Set(['null'])], [4, new Set(['logistic-regression'])], [5, new Set(['chain-rule'])]]);
  const r = evaluateSource('scripted', parseLabelFile(lines, false), null, explain, alt);
  assert.deepEqual([r.right, r.wrong, r.unsure, r.claimed], [0, 2, 2, 2]);
  assert.deepEqual(r.acceptable, { wrong: 1, unsure: 1, claimed: 1 });
  assert.deepEqual(acceptableMisses(r.misses), { wrong: 0, unsure: 0, claimed: 0 }, 'without a list nothing is acceptable');
  const pooled = pool([r, r]);
  assert.deepEqual([pooled.wrong, pooled.acceptable.wrong, pooled.acceptable.claimed], [4, 2, 2]);
  assert.match(formatReport({ dir: '.', sources: [r], pooled: pool([r]) }), /also acceptable: 1 wrong, 1 unsure, 1 claimed — counting them right: 2\/4 \(50\.0%\), wrong 1 \(25\.0%\), claimed 1 \(50\.0%\)/);
});

test('role phrases: a shape description claims no role; a named role is found; synonyms are accepted', () => {
  assert.deepEqual(rolesOfMeaning('a vector indexed by i'), []);
  assert.ok(rolesOfMeaning('the centre-word vector of word c').includes('center-vector'));
  assert.ok(rolesOfMeaning('the "outside" (context-role) vector of word o').includes('context-vector'));
  assert.ok(roleMatches('logits', rolesOfMeaning('the vector of scores')));
  assert.ok(!roleMatches('shape', rolesOfMeaning('the learning rate')));
  assert.equal(keyOfTex('\\mathbf{u}_o'), 'u_o');
  // A function or quantity named by its word is keyed by the word; a symbol of several parts by its parts, unspaced.
  assert.equal(keyOfTex('\\tanh'), 'tanh');
  assert.equal(keyOfTex('\\text{ReLU}'), 'ReLU');
  assert.equal(prettyKey('\\nabla_x f'), '∇_xf');
  // A word subscript written in a text box keeps its hyphen in the hover; the labeller's plain spelling still finds it.
  const find = symbolFinder([{ symbol: 'J_{naive-softmax}', meaning: 'the loss' }]);
  assert.equal(find('J_{naive-softmax}')?.meaning, 'the loss');
  assert.equal(find('J_{naive}'), undefined);
  // A letter the formula writes only transposed is found under the letter; one written plain keeps its own note.
  const transposed = symbolFinder([{ symbol: 'W^{(2)^T}', meaning: 'a weight matrix' }, { symbol: 'x^T', meaning: 'the input, transposed' }, { symbol: 'x', meaning: 'the input' }]);
  assert.equal(transposed('W^{\\left(2\\right)}')?.meaning, 'a weight matrix');
  assert.equal(transposed('x')?.meaning, 'the input');
  assert.equal(transposed('W^{(3)}'), undefined);
  // A letter copied with its index glued on, as plain text writes it, is the subscripted letter the hover explains.
  const glued = symbolFinder([{ symbol: 'y_i', meaning: 'the target' }, { symbol: 'w_{i−1}', meaning: 'the word before' }]);
  assert.equal(glued('yi')?.meaning, 'the target');
  assert.equal(glued('wi-1')?.meaning, 'the word before');
  assert.equal(glued('yt'), undefined);
  // Plain text's example index typed as a call, z(i), and a transpose glued to its letter, wT, are the letters the hover explains.
  const plain = symbolFinder([{ symbol: 'z^{(i)}', meaning: 'the pre-activation' }, { symbol: 'w', meaning: 'the weights' }]);
  assert.equal(plain('z(i)')?.meaning, 'the pre-activation');
  assert.equal(plain('wT')?.meaning, 'the weights');
  assert.equal(plain('z(k)'), undefined);
  assert.equal(plain('xT'), undefined);
  // The activation function is the nonlinearity itself; its output is the activation, not the function.
  assert.ok(roleMatches('activation-function', rolesOfMeaning('the activation function (the nonlinearity, applied element-wise)')));
  assert.ok(roleMatches('activation-function', rolesOfMeaning('the sigmoid function, 1/(1 + e^{−z})')));
  assert.ok(!roleMatches('activation-function', rolesOfMeaning('the activation: the output of the nonlinearity — defined here')));
  assert.ok(roleMatches('activation', rolesOfMeaning('the activation: the output of the nonlinearity — defined here')));
  assert.ok(!roleMatches('activation', rolesOfMeaning('the activation function (the nonlinearity, applied element-wise)')));
});

test('role phrases: a gate, an attention weight and a function\'s value claim only what they are', () => {
  // A learned weight matrix of one layer is a weight.
  assert.ok(roleMatches('weight', rolesOfMeaning('the weight matrix of layer ℓ')));
  // An attention weight is not a learned weight; the input gate is not the input; the output gate not the output.
  assert.ok(!roleMatches('weight', rolesOfMeaning('an attention weight (a softmax of the scores)')));
  assert.ok(roleMatches('attention-weight', rolesOfMeaning('an attention weight (a softmax of the scores)')));
  assert.ok(!roleMatches('input', rolesOfMeaning('the input gate')));
  assert.ok(!roleMatches('output', rolesOfMeaning('the output gate')));
  assert.ok(roleMatches('output-gate', rolesOfMeaning('the output gate')));
  // "The value of f at x" is a function's value, not attention's value vector; "the values" still are.
  assert.ok(!roleMatches('value', rolesOfMeaning('the value of n at w, j')));
  assert.ok(roleMatches('value', rolesOfMeaning('the values (what gets mixed)')));
  // "Non-negative" describes values; it names no negative sample.
  assert.ok(!rolesOfMeaning('probabilities (non-negative, summing to 1)').includes('negative-vector'));
  assert.ok(rolesOfMeaning('the vector of a negative word').includes('negative-vector'));
  // A pre-activation is not an activation.
  assert.ok(!rolesOfMeaning('the pre-activation (weighted input)').includes('activation'));
  assert.ok(rolesOfMeaning('the activation of the layer').includes('activation'));
});

test('the runner on a committed folder: per source and pooled; JSON holds counts and line ids, never the labelled text', () => {
  const res = evaluateFolder(folder());
  assert.deepEqual(res.sources.map((s) => s.source), ['own-a', 'own-b']);
  const a = res.sources[0];
  assert.equal(a.catalog + a.nulls, 5);
  assert.equal(res.pooled.catalog, 5);
  assert.equal(res.pooled.nulls, 3);
  assert.equal(res.pooled.roleLetters, 8);
  // These are asserted concept by concept in recognition.test.ts; here they check the runner wires macros through.
  assert.equal(a.right, 3, JSON.stringify(a.misses));
  assert.equal(a.claimed, 0);
  const report = formatReport(res);
  assert.match(report, /^own-a\s+catalog\s+3: right 3 \(100\.0%\)/m);
  assert.match(report, /^pooled\s+catalog\s+5:/m);
  const json = JSON.stringify(res.sources);
  for (const secret of ['\\frac', 'Negative sampling', 'logistic function']) assert.ok(!json.includes(secret), secret);
});

test('macro lines: newcommand text kept, the MathJax form `\\name{#1}={body}` read; role keys expand the macros', () => {
  assert.equal(macroLine('\\newcommand{\\vu}{\\mathbf{u}}'), '\\newcommand{\\vu}{\\mathbf{u}}');
  assert.equal(macroLine('\\hl{#1}={\\color{red} #1} \\vk=\\mathbf k (from the page config)'), '\\newcommand{\\hl}[1]{{\\color{red} #1}} \\newcommand{\\vk}{\\mathbf k}');
  const table = parseMacros(macroLine('\\qk=\\mathbf k \\hl{#1}={#1}'));
  assert.equal(keyOfTex('\\qk_\\hl{j}', table), keyOfTex('\\mathbf{k}_j'));
  // (A name with no conventional reading: `\\vk` would read as a bold k even undefined.)
  assert.notEqual(keyOfTex('\\qk_j'), keyOfTex('\\mathbf{k}_j'), 'without the table the macro is not expanded');
});

test('a second labeller scored against the first: same formulas matched by latex and context, a missing one refused', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-agree-'));
  try {
    fs.writeFileSync(path.join(dir, 'own.txt'), ['# labelled-by: second', 'mlp ||| a layer ||| h = f(Wx)', 'null ||| ||| x', 'softmax ||| the scores ||| e^z/Σe'].join('\n'));
    const explain = labelsAsExplain(dir);
    assert.equal(explain('h = f(Wx)', 'a layer', '').concept, 'mlp');
    assert.equal(explain('x', '', '').concept, null);
    // (The same latex under another sentence is another formula.)
    assert.throws(() => explain('h = f(Wx)', 'elsewhere', ''), /no label for "h = f\(Wx\)"/);
    const first = parseLabelFile(['affine-layer ||| a layer ||| h = f(Wx)', 'null ||| ||| x', 'softmax ||| the scores ||| e^z/Σe'].join('\n'), false);
    const r = evaluateSource('own', first, null, explain, new Map([[1, new Set(['mlp'])]]));
    assert.deepEqual([r.right, r.wrong, r.acceptable.wrong, r.claimed], [1, 1, 1, 0]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('the runner refuses a folder without label files', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-formula-'));
  assert.throws(() => evaluateFolder(dir), /no <slug>\.txt label files/);
  fs.rmSync(dir, { recursive: true, force: true });
});

test('roles lines: a symbol may hold ; or =, since a role is one word of the vocabulary; a line with no role is refused', () => {
  const f = parseLabelFile('softmax ||| ctx ||| p(y; \\mu) = e^{\\mu_y} ||| p(y; \\mu) = probability ; \\mu_y = logits ; P(y=1|x) = probability', true);
  assert.deepEqual(f.formulas[0].roles, [{ symbol: 'p(y; \\mu)', role: 'probability' }, { symbol: '\\mu_y', role: 'logits' }, { symbol: 'P(y=1|x)', role: 'probability' }]);
  assert.throws(() => parseLabelFile('softmax ||| ctx ||| z ||| z is the input', true), /has no "="/);
  const partly = parseLabelFile('softmax ||| ctx ||| z ||| z = logits ; and more', true);
  assert.deepEqual(partly.formulas[0].roles, [{ symbol: 'z', role: 'logits' }]);
  assert.match(partly.warnings.join('\n'), /not read/);
});

test('a roles file without macro lines of its own is explained with its concept file\'s macros', () => {
  const concepts = parseLabelFile('# macros: \\newcommand{\\vq}{\\mathbf{q}}\nsoftmax ||| ||| a', false);
  const roles = parseLabelFile('softmax ||| ||| a ||| \\vq = query', true);
  const seen: string[] = [];
  const explain = (_latex: string, _context: string, macros: string) => (seen.push(macros), { concept: 'softmax', symbols: [{ symbol: 'q', meaning: 'the query' }] }) as unknown as Explanation;
  const r = evaluateSource('macros', concepts, roles, explain);
  assert.ok(seen.every((m) => /\\newcommand\{\\vq\}/.test(m)), seen.join(' | '));
  assert.deepEqual([r.roleLetters, r.roleRight], [1, 1]);
});
