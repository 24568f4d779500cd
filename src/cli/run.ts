// `npm run cli -- <command> …` in a checkout: the CLI from its TypeScript source (tsx), as bin/ runs the build.
import { main } from './main';

process.exitCode = await main(process.argv.slice(2));
