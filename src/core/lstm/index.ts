/** The LSTM language model: what the worker and the CLI call. */
export { trainLstm, lstmSummary, type TrainLstmOptions, type TrainLstmResult } from './train';
export { loadLstm, generate, perplexityOf, perplexityOfAsync, scoreIds, compareTeacherForcing, Stepper, LmInputError } from './engine';
export type { LstmModel, GenerateOptions, GenerateResult, TokenInfo, PerplexityResult, TeacherForcingComparison, TeacherForcingStep } from './engine';
export { LSTM_PARAMS } from './params';
export { loadCheckpoint } from './checkpoint';
