#!/usr/bin/env node
// The command line, compiled to JavaScript by `npm run build:lib` (dist/node/cli.js): no TypeScript loader at
// run time. From a checkout, `npm run cli -- <command> …` runs the TypeScript source instead.
let cli;
try {
  cli = await import('../dist/node/cli.js');
} catch (error) {
  if (error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist/node/cli.js')) {
    process.stderr.write(
      "spatial-mosaic: the command line is not built in this checkout; run 'npm run build:lib' first (or 'npm run cli -- <command>' to run the source)\n",
    );
    process.exit(1);
  }
  throw error;
}
process.exitCode = await cli.main(process.argv.slice(2));
