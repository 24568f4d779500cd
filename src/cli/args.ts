import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UserError } from './command';

type ParseArgsOptionsConfig = NonNullable<ParseArgsConfig['options']>;

/**
 * Every command's options through Node's own `util.parseArgs` (strict: an unknown option or a missing value is
 * an error), with its errors turned into the CLI's one-line messages that point at the command's `--help`.
 */
export interface CommandArgs<O extends ParseArgsOptionsConfig> {
  readonly values: ReturnType<
    typeof parseArgs<{ options: O; allowPositionals: true; strict: true }>
  >['values'];
  readonly positionals: string[];
}

/**
 * `hints` says what a string option needs, for "--out needs a file name" (default "a value").
 */
export function parseCommandArgs<const O extends ParseArgsOptionsConfig>(
  command: string,
  args: string[],
  options: O,
  hints: Partial<Record<keyof O & string, string>> = {},
): CommandArgs<O> {
  try {
    const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true });
    return { values, positionals };
  } catch (e) {
    throw asUserError(command, e, hints as Record<string, string | undefined>);
  }
}

function asUserError(command: string, e: unknown, hints: Record<string, string | undefined>): unknown {
  const code = (e as { code?: unknown }).code;
  const message = e instanceof Error ? e.message : String(e);
  const named = /'(-{1,2}[^' <]+)/.exec(message)?.[1] ?? '';
  const help = `(see 'spatial-mosaic ${command} --help')`;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return new UserError(`unknown option '${named}' ${help}`);
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const name = named.replace(/^-+/, '');
    return /argument missing|ambiguous/.test(message)
      ? new UserError(`${named} needs ${hints[name] ?? 'a value'} ${help}`)
      : new UserError(`${named} takes no value ${help}`);
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return new UserError(`unexpected argument ${help}`);
  return e;
}

/** A positive number option (`--every 4`); `undefined` when not given. */
export function positiveOption(
  name: string,
  value: string | undefined,
  integer: boolean,
): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n)))
    throw new UserError(`--${name} needs a positive ${integer ? 'whole ' : ''}number, got '${value}'`);
  return n;
}
