#!/usr/bin/env node
// Makes sure a Chromium the e2e tests can drive is present. Playwright's own browser download cannot work on
// machines without internet, so the tests use the system Chromium (CHROMIUM_PATH, else /usr/bin/chromium).
// As root on Debian/Ubuntu we install it with apt-get; otherwise we stop and say how.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
const found = candidates.find((p) => existsSync(p));
if (found) {
  process.exit(0);
}
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = existsSync('/usr/bin/apt-get');
if (isRoot && hasApt) {
  console.log('Chromium not found: installing it with apt-get (chromium, fonts-liberation) …');
  try {
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-liberation', {
      stdio: 'inherit',
    });
  } catch {
    console.error('Could not install Chromium with apt-get. Install it yourself, or set CHROMIUM_PATH to a Chromium binary.');
    process.exit(1);
  }
  if (existsSync('/usr/bin/chromium')) process.exit(0);
}
console.error(
  'The e2e tests need Chromium and none was found. Install it (Debian/Ubuntu: `sudo apt-get install -y chromium fonts-liberation`) ' +
    'or set CHROMIUM_PATH to a Chromium/Chrome binary, then run the tests again.',
);
process.exit(1);
