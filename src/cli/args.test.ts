import { describe, expect, it } from 'vitest';
import { main } from './main';
import { commands } from './registry';

/** Every command's options go through parseArgs: the same one-line messages, exit 1, for every command. */
async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err };
}

describe('command options (node:util parseArgs)', () => {
  it.each(commands.map((c) => c.name))(
    '%s: an unknown option is one line pointing at --help',
    async (name) => {
      const r = await cli([name, 'x', '--bogus']);
      expect(r.code).toBe(1);
      expect(r.err).toEqual([
        `spatial-mosaic ${name}: unknown option '--bogus' (see 'spatial-mosaic ${name} --help')`,
      ]);
    },
  );

  it.each(commands.map((c) => c.name))('%s --help and -h print its usage', async (name) => {
    for (const flag of ['--help', '-h']) {
      const r = await cli([name, flag]);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/^usage: spatial-mosaic/i);
    }
  });

  it.each([
    [
      ['build', 'seq', '--out'],
      "--out needs a file name (e.g. --out mosaic.json) (see 'spatial-mosaic build --help')",
    ],
    [['eval', 'm.json', '--questions'], "--questions needs a file path (see 'spatial-mosaic eval --help')"],
    [['ask', 'm.json', 'q?', '--every'], "--every needs a value (see 'spatial-mosaic ask --help')"],
    [['ask', 'm.json', 'q?', '--trace=yes'], "--trace takes no value (see 'spatial-mosaic ask --help')"],
    [['ask', 'm.json', 'q?', '--every', '0'], "--every needs a positive whole number, got '0'"],
    [['build', 'seq', '--out', 'm.json', '--fps', 'fast'], "--fps needs a positive number, got 'fast'"],
    [['build', 'a', 'b', '--out', 'm.json'], "unexpected argument 'b': give one sequence folder"],
  ])('%j → %s', async (args, message) => {
    const r = await cli(args);
    expect(r.code).toBe(1);
    expect(r.err).toEqual([`spatial-mosaic ${args[0]}: ${message}`]);
  });
});
