/**
 * The names a text uses for each catalog concept, in English and in the languages real course notes are written in
 * (Chinese, Korean here; Japanese, Russian, German, French, Spanish, Italian, Portuguese and Vietnamese in
 * `TRANSLATED_NAMES`): what it means for the words around a formula to name a concept. Only names, never topics (a
 * "layer" is not an affine layer, "regression" is not linear regression); a name that is also an everyday word
 * must come with its qualifier.
 */
import type { ConceptId } from './concepts';

export const CONCEPT_NAMES: Partial<Record<ConceptId, RegExp>> = {
  sigmoid: /sigmoid|logistic function|logistic sigmoid|逻辑函数|逻辑斯蒂函数|S型函数|시그모이드/i,
  tanh: /\btanh\b|hyperbolic tangent|双曲正切|쌍곡탄젠트|하이퍼볼릭 탄젠트/i,
  hardtanh: /hard[- ]?tanh/i,
  relu: /\brelu\b|rectified linear|rectifier|修正线性|렐루/i,
  'leaky-relu': /leaky[- ]?relu|\b[pr]relu\b|parametric relu|randomi[sz]ed (leaky )?relu/i,
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
  // (Not nonlinear regression, 非线性回归, 비선형 회귀: a model that is not linear.)
  'linear-regression': /(?<!non-?)linear regression|least[- ]squares regression|(?<!non-?)linear ?回[归歸]|(?<!非)线性回归|(?<!비)선형 ?회귀/i,
  'logistic-regression': /logistic regression|logit model|logistic ?回[归歸]|逻辑回归|逻辑斯蒂回归|对数几率回归|로지스틱 ?회귀/i,
  'softmax-regression': /softmax regression|multinomial logistic|multi-?class logistic|softmax ?回归|softmax ?回歸|ソフトマックス回帰|소프트맥스 ?회귀/i,
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
  'ngram-markov': /\b[n2-5]-?gram|bigram|trigram|markov assumption|马尔可夫假设|n元语法/i,
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
  'multi-head-attention': /multi-?head|多头|[hH个多每]\s*个?注意力头|멀티 ?헤드|\b(several|many|h|each) (attention )?heads\b/i,
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

/**
 * Names in Japanese, Russian, German, French, Spanish, Italian, Portuguese and Vietnamese (stems where the language
 * inflects). The same rule as above: names, never topics.
 */
export const TRANSLATED_NAMES: Partial<Record<ConceptId, RegExp>> = {
  sigmoid: /シグモイド|сигмоид|sigmoïde|sigmoide/i,
  tanh: /双曲線正接|ハイパボリックタンジェント|гиперболическ[а-яё]* тангенс|tangente hyperbolique|tangente hiperbólica|tangente iperbolica/i,
  relu: /ランプ関数/i,
  softmax: /ソフトマックス|софтмакс/i,
  mse: /平均二乗誤差|среднеквадратичн[а-яё]* ошибк|mittlere[rn]? quadratische[rn]? fehler|erreur quadratique moyenne|error cuadrático medio|errore quadratico medio|erro quadrático médio/i,
  'binary-cross-entropy': /二値交差エントロピー|バイナリクロスエントロピー|бинарн[а-яё]* кросс-?энтропи|binäre kreuzentropie|entropie croisée binaire|entropía cruzada binaria|entropia incrociata binaria/i,
  'cross-entropy': /交差エントロピー|クロスエントロピー|кросс-?энтропи|перекр[её]стн[а-яё]* энтропи|kreuzentropie|entropie croisée|entropía cruzada|entropia (incrociata|cruzada)|entropy chéo/i,
  'negative-log-likelihood': /負の対数尤度|отрицательн[а-яё]* логарифм[а-яё]* правдоподоби|log-?vraisemblance négative|verosimilitud logarítmica negativa/i,
  'empirical-risk': /経験損失|経験リスク|эмпирическ[а-яё]* риск|empirische[sn]? risiko|risque empirique|riesgo empírico|rischio empirico/i,
  'linear-regression': /線形回帰|линейн[а-яё]* регресси|lineare[rn]? regression|régression linéaire|regresión lineal|regressione lineare|regressão linear|hồi quy tuyến tính/i,
  'logistic-regression': /ロジスティック回帰|логистическ[а-яё]* регресси|logistische[rn]? regression|régression logistique|regresión logística|regressione logistica|regressão logística|hồi quy logistic/i,
  'softmax-regression': /ソフトマックス回帰|多クラスロジスティック回帰|régression softmax|regresión softmax/i,
  'affine-layer': /全結合層|アフィン|полносвязн[а-яё]* сло|vollständig verbunden|vollverbunden|entièrement connectée|totalement connectée|couche dense|capa densa|totalmente conectada|completamente connesso/i,
  mlp: /多層パーセプトロン|順伝播型ニューラルネット|полносвязн[а-яё]* сет|многослойн[а-яё]* пер[цс]ептрон|mehrschichtige[sn]? perzeptron|perceptron multicouche|perceptrón multicapa|percettrone multistrato|perceptron multicamadas/i,
  rnn: /再帰型ニューラルネット|リカレントニューラルネット|循環型?ニューラルネット|рекуррентн|rekurrente[sn]? (neuronale[sn]? )?netz|réseaux? (de neurones )?récurrents?|redes? (neuronales? )?recurrentes?|reti? (neurali )?ricorrenti|redes? neura(l|is) recorrentes?|mạng nơ-?ron hồi quy/i,
  lstm: /長短期記憶|долг[а-яё]* краткосрочн/i,
  gru: /ゲート付き回帰型ユニット/i,
  'bidirectional-rnn': /双方向|двунаправленн|bidirektional|bidirectionnel|bidireccional|bidirezional/i,
  seq2seq: /エンコーダ[・-]?デコーダ|系列変換モデル|энкодер-?декодер|кодировщик-?декодировщик|encodeur-?décodeur|codificador-?decodificador/i,
  'gradient-descent': /勾配降下|最急降下|градиентн[а-яё]* спуск|gradientenabstieg|gradientenverfahren|descente de gradient|descenso (del|de|por) gradiente|discesa (del|di) gradiente|descida (do|de) gradiente|gradiente descendente/i,
  'minibatch-sgd': /確率的勾配降下|ミニバッチ|стохастическ[а-яё]* градиентн|мини-?батч|stochastische[rn]? gradientenabstieg|gradient stochastique|mini-?lots?\b|gradiente estocástico|mini-?lotes?\b|gradiente stocastico/i,
  'chain-rule': /連鎖律|цепн[а-яё]* правил|kettenregel|règle de (la )?chaîne|dérivation en chaîne|regla de la cadena|regola della catena|regra da cadeia|quy tắc chuỗi/i,
  'backpropagation-through-time': /通時的誤差逆伝播|rétropropagation à travers le temps|retropropagación a través del tiempo/i,
  regularization: /正則化|荷重減衰|регуляризац|regularisierung|régularisation|regularización|regolarizzazione|regularização|chính quy hóa/i,
  dropout: /ドロップアウト|дропаут/i,
  'language-model': /言語モデル|языков[а-яё]* модел|sprachmodell|modèles? de lang(ue|age)|modelos? de lenguaje|modell[oi] (di|del) linguaggio|modelos? de linguagem|mô hình ngôn ngữ/i,
  'ngram-markov': /[nN]グラム|マルコフ性|n-?грамм|марковск/i,
  perplexity: /パープレキシティ|перплекси|perplexität|perplexité|perplejidad|perplessità/i,
  skipgram: /スキップグラム/i,
  sgns: /負例サンプリング|ネガティブサンプリング|негативн[а-яё]* сэмплирован|échantillonnage négatif|muestreo negativo/i,
  'cosine-similarity': /コサイン類似度|余弦類似度|косинусн[а-яё]* (сходств|близост|расстояни)|kosinus-?ähnlichkeit|similarité cosinus|similitud (del )?coseno|similarità del coseno/i,
  attention: /アテンション|注意機構|механизм[а-яё]* внимани|aufmerksamkeit|mécanisme d'attention|atención|attenzione|atenção|cơ chế chú ý/i,
  'self-attention': /自己注意|セルフアテンション|самовнимани|selbstaufmerksamkeit|auto-?attention|autoatención|auto-?attenzione|autoatenção/i,
  'multi-head-attention': /マルチヘッド|многоголов|mehrköpfig|multi-?têtes|multicabeza|multi-?testa/i,
  'positional-encoding': /位置エンコーディング|位置符号化|позиционн[а-яё]* кодирован|positionskodierung|encodage positionnel|codificación posicional|codifica posizionale/i,
  'bayes-rule': /ベイズ|байес/i,
  'maximum-likelihood': /最尤推定|最尤法|максимальн[а-яё]* правдоподоби|maximum de vraisemblance|máxima verosimilitud|massima verosimiglianza|máxima verossimilhança|ước lượng hợp lý cực đại/i,
  'kl-divergence': /カルバック|кульбак/i,
  elbo: /変分下界|エビデンス下界|нижн[а-яё]* вариационн[а-яё]* границ/i,
  autoencoder: /オートエンコーダ|自己符号化器|автоэнкодер|автокодировщик|autoencodeur|autocodificador/i,
  norms: /ノルム|норм[а-яё]* вектор|vektornorm|norme d'un vecteur/i,
  'step-function': /ステップ関数|階段関数|ступенчат[а-яё]* функци|stufenfunktion|sprungfunktion|schwellenwertfunktion|fonction (de )?seuil|fonction échelon|función escalón|funzione a gradino/i,
};

/** Every alternative of a name pattern written outside ASCII (its Chinese and Korean names). */
function nonAscii(re: RegExp): string[] {
  const alts: string[] = [];
  let depth = 0;
  let cur = '';
  for (let i = 0; i < re.source.length; i++) {
    const c = re.source[i];
    if (c === '\\') {
      cur += c + (re.source[i + 1] ?? '');
      i++;
      continue;
    }
    if (c === '(') depth++;
    else if (c === ')') depth--;
    if (c === '|' && depth === 0) {
      alts.push(cur);
      cur = '';
    } else cur += c;
  }
  alts.push(cur);
  return alts.filter((a) => /[^\x00-\x7F]/.test(a));
}

// (The recogniser asks about the same words for concept after concept: the last folding is kept.)
let foldedIn = '';
let foldedOut = '';
/** Text without the accents of Latin (and Cyrillic) letters: notes typed without them (`regression logistique`) still name. */
const fold = (s: string): string => {
  if (s !== foldedIn) (foldedIn = s), (foldedOut = s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').normalize('NFC'));
  return foldedOut;
};

/** The translated names, accents folded: matched against folded words. */
const FOLDED: Partial<Record<ConceptId, RegExp>> = Object.fromEntries(Object.entries(TRANSLATED_NAMES).map(([id, re]) => [id, new RegExp(fold(re.source), 'i')]));

/** The names of each concept in every language but English: the words of a note written in another language. */
const ABROAD: Partial<Record<ConceptId, RegExp>> = Object.fromEntries(
  (Object.keys({ ...CONCEPT_NAMES, ...TRANSLATED_NAMES }) as ConceptId[]).flatMap((id) => {
    const parts = [...nonAscii(CONCEPT_NAMES[id] ?? /$^/), ...(TRANSLATED_NAMES[id] ? [TRANSLATED_NAMES[id]!.source] : [])];
    return parts.length ? [[id, new RegExp(fold(parts.join('|')), 'i')]] : [];
  }),
);

/** Whether the words name the concept in a language other than English (accents or none). */
export function namedInOtherLanguage(id: ConceptId, words: string): boolean {
  return !!ABROAD[id]?.test(fold(words));
}

/** Catalog concepts the words name, in the order their first name appears (at most `limit`). */
export function conceptsNamed(words: string, limit = Infinity): ConceptId[] {
  const found: Array<[number, ConceptId]> = [];
  const folded = fold(words);
  for (const id of Object.keys({ ...CONCEPT_NAMES, ...TRANSLATED_NAMES }) as ConceptId[]) {
    const hits = [CONCEPT_NAMES[id]?.exec(words), TRANSLATED_NAMES[id]?.exec(words) ?? FOLDED[id]?.exec(folded)].filter((m): m is RegExpExecArray => !!m);
    if (hits.length) found.push([Math.min(...hits.map((m) => m.index)), id]);
  }
  return found.sort((a, b) => a[0] - b[0]).slice(0, limit).map(([, id]) => id);
}
