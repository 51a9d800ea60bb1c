// `npm run bench`: builds the library once, then runs every benchmark in bench/ in turn.
// Arguments after `--` select benchmarks by name, e.g. `npm run bench -- size core`.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const only = process.argv.slice(2);
const scripts = readdirSync(new URL('.', import.meta.url))
  .filter((file) => file.endsWith('.mjs') && file !== 'run.mjs')
  .filter((file) => only.length === 0 || only.some((name) => file.includes(name)));

if (spawnSync('npm', ['run', 'build'], { stdio: 'inherit' }).status !== 0) process.exit(1);
let failed = 0;
for (const script of scripts) {
  console.log(`\n══ bench/${script}`);
  const status = spawnSync('node', [`bench/${script}`], { stdio: 'inherit' }).status;
  if (status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
