import type { CliCommand } from '../types';
import { trainXorCommand } from './xor';
import { word2vecCommands } from './word2vec';
import { lstmCommands } from './lstm';
import { attentionCommands } from './attention';
import { explainCommand } from './explain';
import { insideCommands } from './inside/index';
import { vaeCommands } from './vae';
import { distillCommands } from './distill';
import { mlmCommands } from './mlm';

/** Every CLI command. Add a feature's commands here (one import, one entry). */
export const COMMANDS: CliCommand[] = [trainXorCommand, ...word2vecCommands, ...lstmCommands, ...attentionCommands, explainCommand, ...insideCommands, ...vaeCommands, ...distillCommands, ...mlmCommands];
