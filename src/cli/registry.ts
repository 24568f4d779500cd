import type { CliCommand } from './command';

/** Every subcommand, in the order `--help` lists them. Each lives in ./commands/<name>.ts. */
export const commands: readonly CliCommand[] = [];
