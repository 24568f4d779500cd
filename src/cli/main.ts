import type { CliCommand, CliIo } from './command';
import { commands } from './registry';
import { VERSION } from '../lib/version';

const USAGE_HEAD = `spatial-mosaic — on-device spatial reasoning over a sparse 3D object map

Usage: spatial-mosaic <command> [options]
       spatial-mosaic <command> --help

Commands:`;

export function usage(list: readonly CliCommand[] = commands): string {
  const width = Math.max(...list.map((c) => c.name.length));
  return `${USAGE_HEAD}\n${list.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}\n`;
}

const consoleIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/** Runs the CLI; returns the exit code. Bad input prints one line naming the problem, never a stack trace. */
export async function main(
  argv: string[],
  io: CliIo = consoleIo,
  list: readonly CliCommand[] = commands,
): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage(list));
    return name ? 0 : 1; // bare `spatial-mosaic` is a usage error
  }
  if (name === '--version' || name === '-v') {
    io.out(`spatial-mosaic ${VERSION}`);
    return 0;
  }
  const command = list.find((c) => c.name === name);
  if (!command) {
    io.err(
      `spatial-mosaic: unknown command '${name}'. Commands: ${list.map((c) => c.name).join(', ')}. See 'spatial-mosaic --help'.`,
    );
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(command.usage);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    io.err(`spatial-mosaic ${name}: ${describeError(error)}`);
    return 1;
  }
}

/** What a file-system error means for the path the user gave (an --out into a folder, a missing parent…). */
const FS_REASONS: Record<string, string> = {
  ENOENT: 'no such file or folder',
  ENOTDIR: 'a part of this path is a file, not a folder',
  EISDIR: 'is a folder; give a file name',
  EEXIST: 'already exists as a file, where a folder is needed',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'is on a read-only file system',
  ENOSPC: 'the disk is full',
};

function describeError(error: unknown): string {
  if (error instanceof Error) {
    const fs = error as { code?: unknown; path?: unknown; syscall?: unknown };
    // Node's fs errors are about the paths given on the command line: bad input, not a bug.
    if (typeof fs.code === 'string' && typeof fs.path === 'string' && typeof fs.syscall === 'string')
      return `${fs.path}: ${FS_REASONS[fs.code] ?? oneLine(error.message)} (${fs.code} on ${fs.syscall})`;
    const userFacing =
      (error as { userFacing?: boolean }).userFacing === true || error.name.endsWith('FormatError');
    const message = oneLine(error.message);
    return userFacing
      ? message
      : `${error.name}: ${message} (this is a bug; please report it with the command you ran)`;
  }
  return oneLine(String(error));
}

/** Messages may quote file content (V8's JSON errors do): one line, whatever they hold. */
function oneLine(message: string): string {
  const s = message.replace(/\s*[\r\n]+\s*/g, ' ').trim();
  return s.length > 500 ? `${s.slice(0, 499)}…` : s;
}
