#!/usr/bin/env node
// The CLI is bundled into dist/ by `npm run build-cli` in the repository (or `npm run build` here); a checkout without it gets one line, not a stack trace.
import { existsSync } from 'node:fs';

const cli = new URL('../dist/keck-atlas.mjs', import.meta.url);
if (existsSync(cli)) await import(cli.href);
else {
  process.stderr.write('keck-atlas: the command-line tool is not built yet; run "npm run build-cli" in the keck-atlas folder first\n');
  process.exitCode = 3;
}
