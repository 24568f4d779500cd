import { describe, expect, it } from 'vitest';
import { main } from './main';
import { UserError, type CliCommand } from './command';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
}

const fake: CliCommand = {
  name: 'odometry',
  summary: 'estimate camera poses',
  usage: 'usage: spatial-mosaic odometry <seq> --out trajectory.log',
  async run(args) {
    if (args[0] === 'bad') throw new UserError('seq/trajectory.log: matrix 3 contains NaN');
    if (args[0] === 'bug') throw new TypeError('x is undefined');
    return 0;
  },
};

describe('cli main', () => {
  it('prints usage listing the commands for --help', async () => {
    const c = capture();
    expect(await main(['--help'], c.io, [fake])).toBe(0);
    expect(c.out.join('\n')).toMatch(/Usage: spatial-mosaic <command>/);
    expect(c.out.join('\n')).toMatch(/odometry\s+estimate camera poses/);
  });

  it('exits non-zero with a clear message for an unknown command', async () => {
    const c = capture();
    expect(await main(['frobnicate'], c.io, [fake])).toBe(2);
    expect(c.err[0]).toBe(
      "spatial-mosaic: unknown command 'frobnicate'. Commands: odometry. See 'spatial-mosaic --help'.",
    );
  });

  it('prints one line for bad input and never a stack trace', async () => {
    const c = capture();
    expect(await main(['odometry', 'bad'], c.io, [fake])).toBe(1);
    expect(c.err).toEqual(['spatial-mosaic odometry: seq/trajectory.log: matrix 3 contains NaN']);
  });

  it('labels unexpected errors as bugs', async () => {
    const c = capture();
    expect(await main(['odometry', 'bug'], c.io, [fake])).toBe(1);
    expect(c.err[0]).toMatch(/TypeError: x is undefined \(this is a bug/);
  });

  it('shows a command its own usage', async () => {
    const c = capture();
    expect(await main(['odometry', '--help'], c.io, [fake])).toBe(0);
    expect(c.out[0]).toBe(fake.usage);
  });
});
