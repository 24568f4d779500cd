import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * No eval, at lint level: the project's own eslint.config.js must flag eval, new Function and string timers in
 * every layer (so `npm run lint` fails on them), and no source file may switch those rules off.
 */

const repoRoot = path.resolve(__dirname, '..');

const EVIL = [
  "export const a = eval('1 + 1');",
  "export const b = new Function('return 1');",
  "setTimeout('alert(1)', 10);",
  "export const c = (0, eval)('2');",
  "export const d = globalThis.eval('3');",
  '',
].join('\n');

const CLEAN = ['export const a = JSON.parse(\'{"x": 1}\');', 'setTimeout(() => a, 10);', ''].join('\n');

const ruleIds = async (eslint: ESLint, code: string, filePath: string) => {
  const [result] = await eslint.lintText(code, { filePath: path.join(repoRoot, filePath) });
  return result.messages.map((m) => `${m.line}:${m.ruleId}`);
};

describe('eslint.config.js forbids eval', () => {
  const eslint = new ESLint({ cwd: repoRoot });

  it.each([
    'src/core/probe.ts',
    'src/ui/probe.tsx',
    'src/element/probe.ts',
    'workers/probe.ts',
    'src/cli/probe.ts',
  ])(
    'flags eval, new Function and a string timer in %s',
    async (file) => {
      const ids = await ruleIds(eslint, EVIL, file);
      expect(ids).toEqual(
        expect.arrayContaining(['1:no-eval', '2:no-new-func', '3:no-implied-eval', '4:no-eval', '5:no-eval']),
      );
    },
    30_000,
  );

  it('leaves equivalent safe code alone (control)', async () => {
    const ids = await ruleIds(eslint, CLEAN, 'src/core/probe.ts');
    expect(ids.filter((id) => /eval|func/.test(id))).toEqual([]);
  }, 30_000);
});

describe('no source file disables the eval rules', () => {
  function* files(dir: string): Generator<string> {
    for (const name of readdirSync(dir)) {
      const p = path.join(dir, name);
      if (statSync(p).isDirectory()) yield* files(p);
      else if (/\.(ts|tsx|js|mjs)$/.test(name)) yield p;
    }
  }

  it('has no eslint-disable for no-eval, no-implied-eval or no-new-func under src/, workers/ or bin/', () => {
    const offenders: string[] = [];
    for (const dir of ['src', 'workers', 'bin']) {
      let all: string[];
      try {
        all = [...files(path.join(repoRoot, dir))];
      } catch {
        continue; // a layer that does not exist yet
      }
      for (const f of all) {
        if (f.endsWith('noEval.lint.test.ts')) continue;
        const text = readFileSync(f, 'utf8');
        if (/eslint-disable[^\n]*(no-eval|no-implied-eval|no-new-func)/.test(text))
          offenders.push(path.relative(repoRoot, f));
      }
    }
    expect(offenders).toEqual([]);
  });
});
