/**
 * Masked-language-model queries answered in the training worker (MlmWorkerRequests): fill in the blank. Models come
 * from the attention models' cache (a masked language model is an attention-model folder of kind mlm).
 */
import type { Handlers } from '../shared/rpc';
import type { MlmWorkerRequests } from '../shared/views/mlm';
import { blankOfSelection, fillMask, MAX_FILL_K } from '../core/mlm/fill';
import { checkDirText, openAttentionModel } from './attentionRequests';

/** The "mlm." requests. */
export const mlmHandlers: Handlers<MlmWorkerRequests> = {
  'mlm.fill': async (params) => {
    const { dir, text } = checkDirText(params, 'mlm.fill');
    const { from, to, k } = params;
    if (!Number.isInteger(k) || k < 1 || k > MAX_FILL_K) throw new Error(`mlm.fill needs k from 1 to ${MAX_FILL_K}`);
    const m = await openAttentionModel(dir);
    if (m.kind !== 'mlm') throw new Error(`${m.dir} is not a masked language model`);
    const { start, length } = blankOfSelection(m.vocab.level, text, from, to);
    return fillMask(m, text, start, length, k);
  },
};
