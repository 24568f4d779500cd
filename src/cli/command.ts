/**
 * A CLI subcommand. Each lives in src/cli/commands/<name>.ts and is registered in src/cli/main.ts.
 * Bad input throws a `UserError` (or any error with `userFacing = true`): main prints its one-line message
 * and exits 1, never a stack trace.
 */
export interface CliCommand {
  readonly name: string;
  /** One line for the usage listing. */
  readonly summary: string;
  /** Full usage text for `spatial-mosaic <name> --help`. */
  readonly usage: string;
  run(args: string[], io: CliIo): Promise<number>;
}

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

export class UserError extends Error {
  override name = 'UserError';
  readonly userFacing = true;
}
