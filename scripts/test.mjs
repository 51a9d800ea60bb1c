// `npm test`: type-check, Node tests (CLI), then every browser test in real Chromium.
// Ends with one summary line "N passed, N failed, N skipped" over both suites.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findChromium } from './chromium.mjs';

const run = (cmd, args, env = {}) =>
  spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;

const chrome = findChromium({ install: true });
if (!chrome) process.exit(1);

const steps = [
  ['contract validators', 'node', ['scripts/compile-schema.mjs']],
  ['type-check (web package)', 'npx', ['tsc', '--noEmit']],
  ['type-check (CLI package)', 'npx', ['tsc', '--noEmit', '-p', 'packages/cli']],
  // The delivery, consumer and Storybook tests check the built files; KECK_SKIP_BUILD=1 reuses an existing dist/.
  ...(process.env.KECK_SKIP_BUILD
    ? []
    : [
        ['build', 'npm', ['run', 'build']],
        ['build-storybook', 'npm', ['run', 'build-storybook']],
      ]),
];
for (const [name, cmd, args] of steps) {
  console.log(`\n── ${name}`);
  if (run(cmd, args) !== 0) {
    console.log(`\n0 passed, 1 failed (${name} failed)`);
    process.exit(1);
  }
}

const totals = { passed: 0, failed: 0, skipped: 0 };

// test/consumer: the packed package in fresh Vite and webpack apps, the CDN folder, the built Storybook.
const nodeTestDirs = ['test/node', 'test/consumer'].filter((dir) => existsSync(dir) && readdirSync(dir, { recursive: true }).some((f) => String(f).endsWith('.test.mjs')));
if (nodeTestDirs.length) {
  console.log('\n── Node tests (node:test)');
  const tap = path.join(tmpdir(), `keck-node-tests-${process.pid}.tap`);
  const status = run('node', [
    '--test',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${tap}`,
    ...nodeTestDirs.map((dir) => `${dir}/`),
  ]);
  const text = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
  const read = (label) => Number(new RegExp(`^# ${label} (\\d+)`, 'm').exec(text)?.[1] ?? 0);
  totals.passed += read('pass');
  totals.failed += read('fail') + read('cancelled');
  totals.skipped += read('skipped') + read('todo');
  if (status !== 0 && read('fail') === 0) totals.failed++;
  rmSync(tap, { force: true });
}

console.log('\n── Browser tests (@web/test-runner, Chromium)');
const summaryFile = path.join(tmpdir(), `keck-browser-tests-${process.pid}.json`);
const wtrStatus = run('npx', ['web-test-runner', '--config', 'web-test-runner.config.mjs', ...process.argv.slice(2)], {
  CHROME_PATH: chrome,
  KECK_SUMMARY_FILE: summaryFile,
});
if (existsSync(summaryFile)) {
  const browser = JSON.parse(readFileSync(summaryFile, 'utf8'));
  totals.passed += browser.passed;
  totals.failed += browser.failed + browser.fileErrors;
  totals.skipped += browser.skipped;
  rmSync(summaryFile, { force: true });
} else if (wtrStatus !== 0) {
  totals.failed++;
}

const failed = totals.failed > 0 || wtrStatus !== 0;
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failed ? 1 : 0);
