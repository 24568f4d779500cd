#!/usr/bin/env node
// The CLI runs the same TypeScript core and engines as the app; tsx loads it without a build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
