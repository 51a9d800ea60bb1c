// `npm run demo`: builds the library and Storybook, then serves the demo site on localhost, offline.
import { spawnSync } from 'node:child_process';
import { startDemoServer } from './demo-server.mjs';

if (!process.argv.includes('--no-build')) {
  for (const script of ['build', 'build-storybook']) {
    const status = spawnSync('npm', ['run', script], { stdio: 'inherit' }).status;
    if (status !== 0) process.exit(status ?? 1);
  }
}
const server = await startDemoServer({ port: Number(process.env.PORT ?? 8080) });
console.log(`keck-atlas demo: ${server.url}/  (Ctrl+C to stop)`);
