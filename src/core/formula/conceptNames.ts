/**
 * The names a text uses for each catalog concept, in English and in the languages real course notes are written in
 * (Chinese, Korean): what it means for the words around a formula to name a concept. Only names, never topics (a
 * "layer" is not an affine layer, "regression" is not linear regression); a name that is also an everyday word
 * must come with its qualifier.
 */
import type { ConceptId } from './concepts';

export const CONCEPT_NAMES: Partial<Record<ConceptId, RegExp>> = {
  sigmoid: /sigmoid|logistic function|logistic sigmoid|逻辑函数|逻辑斯蒂函数|S型函数|시그모이드/i,
  tanh: /\btanh\b|hyperbolic tangent|双曲正切|쌍곡탄젠트|하이퍼볼릭 탄젠트/i,
  hardtanh: /hard[- ]?tanh/i,
  relu: /\brelu\b|rectified linear|rectifier|修正线性|렐루/i,
  'leaky-relu': /leaky[- ]?relu|\bprelu\b|parametric relu/i,
  'step-function': /step function|heaviside|threshold (unit|function)|(?<!multi-?layer |multilayer )\bperceptron\b(?!s)|阶跃函数|(?<!多层)感知机|계단 함수/i,
  softmax: /soft-?max|소프트맥스/i,
  mse: /mean[- ]squared[- ]error|\bmse\b|squared[- ]error loss|均方误差|평균 ?제곱 ?오차/i,
  'cross-entropy': /cross[- ]?entropy|交叉熵|교차 ?엔트로피|크로스 ?엔트로피/i,
  'binary-cross-entropy': /binary cross[- ]?entropy|\bbce\b|\blog[- ]loss\b|二元交叉熵|이진 교차 ?엔트로피/i,
  'hinge-loss': /hinge(?:[- ]loss)?|合页损失|铰链损失|힌지/i,
  'zero-one-loss': /\b0[-–/]1 loss|zero[- ]one loss|0-1损失/i,
  'negative-log-likelihood': /negative log[- ]?likelihood|\bnll\b|负对数似然|음의 로그 ?우도/i,
  'distillation-loss': /\bdistil|知识蒸馏|蒸馏|증류/i,
  'empirical-risk': /empirical risk|经验风险|경험적 위험/i,
  'linear-regression': /linear regression|least[- ]squares regression|线性回归|선형 ?회귀/i,
  'logistic-regression': /logistic regression|logit model|逻辑回归|逻辑斯蒂回归|对数几率回归|로지스틱 ?회귀/i,
  'softmax-regression': /softmax regression|multinomial logistic|multi-?class logistic|softmax回归|소프트맥스 ?회귀/i,
  'affine-layer': /affine (layer|map|transform)|fully[- ]connected|dense layer|linear layer|全连接|완전 ?연결/i,
  mlp: /multi-?layer perceptron|\bmlps?\b|feed-?forward (neural )?network|\bffn\b|多层感知机|前馈神经网络|다층 ?퍼셉트론|순방향 ?신경망/i,
  rnn: /recurrent neural|\brnns?\b|循环神经网络|递归神经网络|순환 ?신경망/i,
  lstm: /\blstms?\b|long short[- ]term|长短期记忆|장단기 ?메모리/i,
  gru: /\bgrus?\b|gated recurrent|门控循环单元/i,
  'bidirectional-rnn': /bidirectional|bi-?rnn|bi-?lstm|bi-?gru|双向|양방향/i,
  seq2seq: /seq2seq|sequence[- ]to[- ]sequence|encoder[- ]decoder|编码器-解码器|编码器—解码器|인코더-디코더/i,
  'fixed-window-lm': /fixed[- ]window (neural )?language model|neural probabilistic language model|\bnnlm\b|神经概率语言模型/i,
  'gradient-descent': /gradient descent|梯度下降|경사 ?하강/i,
  'minibatch-sgd': /mini-?batch|stochastic gradient|\bsgd\b|随机梯度下降|小批量|확률적 ?경사 ?하강|미니 ?배치/i,
  adam: /\badam\b/i,
  'chain-rule': /chain rule|链式法则|연쇄 ?법칙/i,
  'backpropagation-through-time': /back-?prop\w* through time|\bbptt\b|随时间反向传播/i,
  regularization: /regulari[sz]|weight decay|\bl2 penalty|ridge|正则化|权重衰减|정규화|규제/i,
  dropout: /dropout|드롭아웃/i,
  'language-model': /language model|语言模型|언어 ?모델/i,
  'ngram-markov': /\bn-?gram|bigram|trigram|markov assumption|马尔可夫假设|n元语法/i,
  surprisal: /surprisal|self-information|information content|信息量/i,
  perplexity: /perplexity|困惑度|퍼플렉서티/i,
  'masked-lm': /masked language model|\bmlm\b|masked lm|掩码语言模型/i,
  'teacher-forcing': /teacher[- ]forc|教师强制/i,
  skipgram: /skip-?gram|跳字模型|스킵-?그램/i,
  'skipgram-softmax': /skip-?gram[^.]*softmax|softmax[^.]*skip-?gram/i,
  sgns: /negative sampling|\bsgns\b|负采样|네거티브 ?샘플링/i,
  cbow: /\bcbow\b|continuous bag|连续词袋/i,
  'cosine-similarity': /cosine|余弦|코사인/i,
  'collobert-weston': /collobert/i,
  'hierarchical-softmax': /hierarchical softmax|层次softmax|层序softmax|分层softmax/i,
  attention: /attention|注意力|어텐션|주의 ?메커니즘/i,
  'mlp-attention': /additive attention|bahdanau|concat(enation)? attention|加性注意力/i,
  'self-attention': /self[- ]?attention|自注意力|셀프 ?어텐션/i,
  'scaled-dot-product-attention': /scaled dot[- ]product|缩放点积/i,
  'multi-head-attention': /multi-?head|多头|멀티 ?헤드/i,
  'masked-self-attention': /masked self[- ]?attention|causal (self[- ]?)?attention|掩码自注意力/i,
  'positional-encoding': /positional (encoding|embedding)|position encoding|位置编码|포지셔널 ?인코딩|위치 ?인코딩/i,
  'bayes-rule': /bayes|贝叶斯|베이즈/i,
  'probability-chain-rule': /chain rule of probabilit|product rule|概率的链式法则|乘法公式/i,
  'maximum-likelihood': /maximum likelihood|\bmle\b|极大似然|最大似然|최대 ?우도/i,
  'kl-divergence': /\bkl\b|kullback|relative entropy|kl散度|相对熵|쿨백/i,
  elbo: /\belbo\b|evidence lower bound|变分下界|证据下界/i,
  autoencoder: /auto-?encoder|自编码器|자기 ?부호화기|오토인코더/i,
  norms: /\bnorms?\b|范数|노름/i,
  trace: /\btrace\b|矩阵的迹/i,
  'cauchy-schwarz': /cauchy[- –]schwarz|柯西-施瓦茨/i,
  'spectral-theorem': /spectral theorem|eigendecomposition|特征分解|固有값 분해|고유값 분해/i,
};

/** Catalog concepts the words name, in the order their first name appears (at most `limit`). */
export function conceptsNamed(words: string, limit = Infinity): ConceptId[] {
  const found: Array<[number, ConceptId]> = [];
  for (const [id, re] of Object.entries(CONCEPT_NAMES) as Array<[ConceptId, RegExp]>) {
    const m = re.exec(words);
    if (m) found.push([m.index, id]);
  }
  return found.sort((a, b) => a[0] - b[0]).slice(0, limit).map(([, id]) => id);
}
