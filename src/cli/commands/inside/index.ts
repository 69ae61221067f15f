import type { CliCommand } from '../../types';
import { gatesCommand } from './gates';
import { gradientFlowCommand, trainRnnCommand } from './rnn';
import { stepCommand } from './step';
import { xorPlaygroundCommand } from './xor';

/** The commands behind the "see inside the models" views. */
export const insideCommands: CliCommand[] = [xorPlaygroundCommand, stepCommand, gatesCommand, trainRnnCommand, gradientFlowCommand];
