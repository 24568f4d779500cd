#!/usr/bin/env node
// The command line, compiled to JavaScript by `npm run build:lib` (dist-lib/node/cli.js): an installed package runs
// that, with no TypeScript loader. In a checkout that has not been built, the TypeScript source runs through tsx
// (a devDependency there), so `npx spatial-mosaic …` works after `npm install` in both places.
let cli;
try {
  cli = await import('../dist-lib/node/cli.js');
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('cli.js')) throw error;
  const tsx = await import('tsx/esm/api').catch(() => undefined);
  if (!tsx) {
    process.stderr.write(
      "spatial-mosaic: the command line is not built; run 'npm run build:lib' in the package's folder\n",
    );
    process.exit(1);
  }
  tsx.register();
  cli = await import(new URL('../src/cli/main.ts', import.meta.url).href);
}
process.exitCode = await cli.main(process.argv.slice(2));
