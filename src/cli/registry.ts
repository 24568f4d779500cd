import type { CliCommand } from './command';
import { buildCommand } from './commands/build';
import { askCommand } from './commands/ask';
import { evalCommand } from './commands/eval';
import { odometryCommand } from './commands/odometry';

/** Every subcommand, in the order `--help` lists them. Each lives in ./commands/<name>.ts. */
export const commands: readonly CliCommand[] = [buildCommand, askCommand, evalCommand, odometryCommand];
