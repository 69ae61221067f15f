/**
 * The letters and notations the grammar draws from (generate.ts): one line per thing a formula names, with the ways
 * notes write it — column- and row-vector books, bold or plain vectors, layer and time indices as subscripts,
 * superscripts in brackets or angle brackets, named functions in any font.
 */
import type { Slots } from './generate';

export const SLOTS: Slots = {
  // vectors and matrices
  x: ['x', '\\mathbf{x}', '\\boldsymbol{x}', '\\vec{x}', '\\bm{x}', 'x_i', 'x^{(i)}', '\\mathbf{x}_i', 'x_n', 'X'],
  xt: ['x_{$t}', '\\mathbf{x}_{$t}', 'x^{\\langle $t \\rangle}', 'x^{<$t>}', 'x^{($t)}', 'x_$t', 'e_{$t}', '\\boldsymbol{x}_{$t}'],
  W: ['W', '\\mathbf{W}', '\\boldsymbol{W}', 'W^{(1)}', 'W^{[l]}', 'W_1', 'A', 'U', 'V', 'W_{hx}', 'W^{(l)}', '\\Theta'],
  W2: ['U', '\\mathbf{U}', 'W^{(2)}', 'W^{[l+1]}', 'W_2', 'V', 'W_{hh}', 'W_h', 'R'],
  b: ['b', '\\mathbf{b}', '\\boldsymbol{b}', 'b^{(1)}', 'b^{[l]}', 'b_1', 'c', 'b_h', 'w_0', '\\beta_0'],
  w: ['w', '\\mathbf{w}', '\\boldsymbol{w}', '\\theta', '\\boldsymbol{\\theta}', '\\beta', '\\vec{w}', 'w_j'],
  theta: ['\\theta', '\\boldsymbol{\\theta}', 'w', '\\mathbf{w}', 'W', '\\Theta', '\\phi', '\\beta'],
  h: ['h', '\\mathbf{h}', '\\boldsymbol{h}', 's', 'a', 'z'],
  ht: ['h_{$t}', '\\mathbf{h}_{$t}', 'h^{\\langle $t \\rangle}', 'h^{($t)}', 'h_$t', 's_{$t}', 'a^{<$t>}', '\\boldsymbol{h}_{$t}', 'h(t)'],
  htm1: ['h_{$t-1}', '\\mathbf{h}_{$t-1}', 'h^{\\langle $t-1 \\rangle}', 'h^{($t-1)}', 's_{$t-1}', 'a^{<$t-1>}', '\\boldsymbol{h}_{$t-1}', 'h(t-1)'],
  t: ['t', 't', 't', 'k', 'i', 'j'],
  i: ['i', 'i', 'j', 'n', 'k'],
  N: ['N', 'n', 'm', 'M', 'T', '|D|', 'B'],
  K: ['K', 'C', 'k', 'V', '|V|'],
  y: ['y', 'y_i', 'y^{(i)}', '\\mathbf{y}', 't', 'y_n', 'y_k'],
  yh: ['\\hat{y}', '\\hat y', '\\hat{y}_i', '\\hat{y}^{(i)}', '\\hat{\\mathbf{y}}', 'p', 'o', 'f(x)', 'h_\\theta(x)', 'a^{[L]}', 'p_i', 'q'],
  z: ['z', 'a', 'x', 's', 'u', 'v', 'z_i', 'x_i'],
  zv: ['\\mathbf{z}', 'z', '\\boldsymbol{z}', 'x', 's', 'a', 'o'],
  eta: ['\\eta', '\\alpha', '\\epsilon', '\\lambda', '\\gamma', '\\eta_t', '\\alpha_t', 'lr'],
  lam: ['\\lambda', '\\alpha', '\\beta', '\\gamma', 'C', '\\mu'],
  // functions and their left sides
  Lw: ['L', '\\mathcal{L}', 'J', '\\ell', 'E', 'L(\\theta)', 'J(\\theta)', '\\mathcal{L}(\\theta)', 'J(\\mathbf{w})', 'L(w)', '\\text{Loss}', 'E(w)', 'C'],
  T: ['^T', '^\\top', '^{\\top}', '^{T}', '^{\\intercal}', "'", '^{\\mathsf{T}}'],
  act: ['\\sigma', 'f', 'g', '\\phi', '\\tanh', '\\text{ReLU}', '\\operatorname{relu}', 'g^{[l]}'],
  gate: ['\\sigma', '\\sigma', '\\operatorname{sigmoid}', '\\text{sigm}'],
  // words
  w2: ['w', 'w_t', 'w_I', 'c', 'w_c'],
  ctx: ['c', 'w_{t+j}', 'w_O', 'o', 'w_o', 'u'],
  vin: ['v_{$w2}', '\\mathbf{v}_{$w2}', 'v_c', '\\vec{v}_{$w2}', 'v_{w_I}'],
  uout: ["u_{$ctx}", "\\mathbf{u}_{$ctx}", "v'_{$ctx}", "u_o", "\\tilde{v}_{$ctx}", "v'_{w_O}"],
  Q: ['Q', '\\mathbf{Q}', 'Q_i'],
  Kk: ['K', '\\mathbf{K}', 'K_i'],
  V: ['V', '\\mathbf{V}', 'V_i'],
  dk: ['d_k', 'd', 'd_{k}', 'D', 'd_{model}', 'd_h'],
  p: ['p', 'P', 'q', 'p_\\theta', 'Q'],
  X: ['X', '\\mathbf{X}', 'x', 'A', 'D'],
  Y: ['Y', 'y', 'B', 'H', '\\theta', 'C'],
};

/**
 * Notations of an operation on its arguments (`#1`, `#2`, …).
 */
export const FUNCS: Slots = {
  exp: ['\\exp(#1)', 'e^{#1}', '\\exp\\left(#1\\right)', '\\mathrm{exp}(#1)', '\\exp\\{#1\\}', 'e^{ #1 }'],
  log: ['\\log(#1)', '\\log #1', '\\ln(#1)', '\\log\\left(#1\\right)', '\\ln #1', '\\log \\left[ #1 \\right]'],
  sig: ['\\sigma(#1)', '\\sigma\\left(#1\\right)', '\\operatorname{sigmoid}(#1)', '\\text{sigmoid}(#1)', '\\sigma(#1)', '\\mathrm{sigm}(#1)'],
  tanh: ['\\tanh(#1)', '\\tanh\\left(#1\\right)', '\\operatorname{tanh}(#1)', '\\text{tanh}(#1)'],
  softmax: ['\\operatorname{softmax}(#1)', '\\text{softmax}(#1)', '\\mathrm{softmax}(#1)', '\\mathrm{Softmax}\\left(#1\\right)', '\\text{Softmax}(#1)'],
  frac: ['\\frac{#1}{#2}', '\\dfrac{#1}{#2}', '\\frac{#1}{#2}', '{#1 \\over #2}', '\\tfrac{#1}{#2}'],
  sum: ['\\sum_{#1=1}^{#2} #3', '\\sum_{#1} #3', '\\sum_{#1=1}^#2 #3', '\\displaystyle\\sum_{#1=1}^{#2} #3', '\\sum\\limits_{#1=1}^{#2} #3', '\\sum_{#1=1}^{#2}\\left(#3\\right)'],
  mean: ['\\frac{1}{#2}\\sum_{#1=1}^{#2} #3', '\\frac{1}{#2}\\sum_{#1} #3', '\\frac1{#2} \\sum_{#1=1}^{#2} #3', '\\dfrac{1}{#2}\\sum\\limits_{#1=1}^{#2} #3', '\\frac{1}{#2}\\sum_{#1=1}^{#2}\\left[#3\\right]'],
  aff: ['#1 #2 + #3', '#1 \\cdot #2 + #3', '#1#2+#3', '#2 #1 + #3', '#1 #2 + #3'],
  dotp: ['#1$T; #2', '#1 \\cdot #2', '\\langle #1, #2 \\rangle', '#1$T;#2', '#1^\\top #2'],
  norm: ['\\|#1\\|', '\\lVert #1 \\rVert', '||#1||', '\\left\\|#1\\right\\|', '\\Vert #1 \\Vert'],
  E: ['\\mathbb{E}_{#1}[#2]', '\\mathbb{E}_{#1}\\left[#2\\right]', 'E_{#1}[#2]', '\\mathop{\\mathbb{E}}_{#1}\\left[ #2 \\right]', '\\mathbb{E}_{#1} #2'],
  cat: ['[#1; #2]', '[#1, #2]', '\\left[#1; #2\\right]', '[#1 ; #2]', '\\operatorname{concat}(#1, #2)', '(#1, #2)'],
  pd: ['\\frac{\\partial #1}{\\partial #2}', '\\frac{\\partial #1}{\\partial #2}', '\\partial #1 / \\partial #2', '\\dfrac{\\partial #1}{\\partial #2}', '\\nabla_{#2} #1'],
  grad: ['\\nabla_{#2} #1', '\\nabla #1', '\\frac{\\partial #1}{\\partial #2}', '\\nabla_{#2} #1(#2)', '\\partial #1/\\partial #2', 'g_t'],
  argmin: ['\\arg\\min_{#1} #2', '\\operatorname*{arg\\,min}_{#1} #2', '\\underset{#1}{\\arg\\min}\\ #2', '\\text{argmin}_{#1} #2', '\\mathop{\\mathrm{argmin}}_{#1} #2'],
  argmax: ['\\arg\\max_{#1} #2', '\\operatorname*{arg\\,max}_{#1} #2', '\\underset{#1}{\\arg\\max}\\ #2', '\\text{argmax}_{#1} #2', '\\mathop{\\mathrm{argmax}}_{#1} #2'],
  prod: ['\\prod_{#1=1}^{#2} #3', '\\prod_{#1} #3', '\\prod\\limits_{#1=1}^{#2} #3'],
  had: ['#1 \\odot #2', '#1 \\circ #2', '#1 * #2', '#1 \\otimes #2', '#1 \\odot #2'],
  def: ['=', '=', '=', ':=', '\\coloneqq', '\\triangleq', '\\equiv'],
  upd: ['#1 \\leftarrow #2', '#1 := #2', '#1 \\gets #2', '#1_{t+1} = #2', '#1^{(k+1)} = #2', '#1 = #2', '#1^{new} = #2'],
};
