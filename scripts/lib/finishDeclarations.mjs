// After `tsc -p tsconfig.lib.json`: makes dist-lib/types/ what a consumer's TypeScript reads.
// 1. Relative imports get their file extension ('./scene' → './scene.js', './core' → './core/index.js'): the
//    package is ESM, and `moduleResolution: node16/nodenext` consumers resolve nothing without it.
// 2. Only declarations reachable from the package's entries stay (tsc writes one per compiled file).
// 3. Every bare module they import must be one the package installs (a dependency or an optional peer);
//    anything else would be `any` or an error in a consumer's strict build, so the build fails here instead.
import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const types = path.join(root, 'dist-lib/types');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const entries = new Set();
(function collect(v) {
  if (typeof v === 'string') {
    if (v.startsWith('./dist-lib/types/')) entries.add(path.join(root, v));
  } else if (v && typeof v === 'object') Object.values(v).forEach(collect);
})(pkg.exports);

const SPECIFIER = /((?:from|import)\s*\(?\s*)(['"])([^'"]+)\2/g;
const resolveRelative = (file, spec) => {
  const base = path.resolve(path.dirname(file), spec);
  if (existsSync(`${base}.d.ts`)) return { file: `${base}.d.ts`, spec: `${spec}.js` };
  if (existsSync(path.join(base, 'index.d.ts')))
    return { file: path.join(base, 'index.d.ts'), spec: `${spec}/index.js` };
  throw new Error(`${path.relative(root, file)}: cannot resolve '${spec}'`);
};

const allowed = new Set([...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})]);
const reached = new Set();
const bare = new Map();
const queue = [...entries];
while (queue.length) {
  const file = queue.pop();
  if (reached.has(file)) continue;
  reached.add(file);
  const text = readFileSync(file, 'utf8').replace(SPECIFIER, (all, head, q, spec) => {
    if (spec.startsWith('.')) {
      const r = resolveRelative(file, spec.replace(/\.js$/, ''));
      queue.push(r.file);
      return `${head}${q}${r.spec}${q}`;
    }
    const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
    bare.set(name, [...(bare.get(name) ?? []), path.relative(types, file)]);
    return all;
  });
  writeFileSync(file, text);
}

const walk = (dir) =>
  readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
let removed = 0;
for (const f of walk(types))
  if (!reached.has(f)) {
    rmSync(f);
    removed++;
  }
for (const dir of walk(types).map(path.dirname))
  if (!readdirSync(dir).length) rmSync(dir, { recursive: true });

const stray = [...bare].filter(([name]) => !allowed.has(name) && !name.startsWith('node:'));
if (stray.length) {
  for (const [name, files] of stray)
    console.error(`dist-lib/types: ${files.join(', ')} import '${name}', which consumers do not install`);
  process.exit(1);
}
console.log(
  `dist-lib/types: ${reached.size} declaration files from ${entries.size} entries (${removed} unreachable removed)`,
);
