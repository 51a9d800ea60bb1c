// `npm run demo`: builds the library and Storybook unless their outputs are newer than their
// sources (`--build` rebuilds anyway, `--no-build` never builds), then serves the demo site
// on localhost, offline.
import { spawnSync } from 'node:child_process';
import { BUILDS, isCurrent } from './build-freshness.mjs';
import { startDemoServer } from './demo-server.mjs';

if (!process.argv.includes('--no-build')) {
  for (const [script, build] of Object.entries(BUILDS)) {
    if (!process.argv.includes('--build') && isCurrent(build)) {
      console.log(`${script}: up to date, not rebuilt (npm run demo -- --build rebuilds)`);
      continue;
    }
    const status = spawnSync('npm', ['run', script], { stdio: 'inherit' }).status;
    if (status !== 0) process.exit(status ?? 1);
  }
}
const server = await startDemoServer({ port: Number(process.env.PORT ?? 8080) });
console.log(`keck-atlas demo: ${server.url}/  (Ctrl+C to stop)`);
