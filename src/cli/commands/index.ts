import type { CliCommand } from '../types';
import { trainXorCommand } from './xor';

/** Every CLI command. Add a feature's commands here (one import, one entry). */
export const COMMANDS: CliCommand[] = [trainXorCommand];
