import { esbuildPlugin } from '@web/dev-server-esbuild';
import { build } from 'esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { fileURLToPath } from 'node:url';
import { cspMiddleware, misbehavingServerMiddleware, rangeMiddleware, requestLogPlugin } from './test/harness/server-plugins.mjs';
import { summaryReporter } from './test/harness/summary-reporter.mjs';
import { CHROMIUM_ARGS } from './scripts/chromium.mjs';
import { defaultReporter } from '@web/test-runner';

// svg2pdf.js (PDF export) imports CommonJS packages; the dev server serves ES modules only,
// so each of these few is bundled by esbuild into one ES module (module.exports as the default export).
const COMMONJS = /\/node_modules\/((?:font-family-papandreou|svgpath|cssesc)\/.*)$/;
const commonjsToEsm = {
  name: 'commonjs-to-esm',
  async transform(context) {
    const match = COMMONJS.exec(context.path);
    if (!match) return undefined;
    const result = await build({
      entryPoints: [fileURLToPath(new URL(`node_modules/${match[1]}`, import.meta.url))],
      bundle: true,
      format: 'esm',
      target: 'es2022',
      write: false,
      logLevel: 'silent',
    });
    return { body: result.outputFiles[0].text };
  },
};

const rootDir = fileURLToPath(new URL('.', import.meta.url));
const chromePath = process.env.CHROME_PATH || '/usr/bin/chromium';

export default {
  rootDir,
  files: ['src/**/*.test.ts', 'test/browser/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'production'] },
  concurrency: 2,
  filterBrowserLogs: ({ type }) => type !== 'debug',
  testsFinishTimeout: 20 * 60 * 1000,
  testFramework: { config: { timeout: 30000 } },
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: {
        executablePath: chromePath,
        args: CHROMIUM_ARGS,
      },
    }),
  ],
  middleware: [misbehavingServerMiddleware(rootDir), cspMiddleware(), rangeMiddleware(rootDir)],
  plugins: [commonjsToEsm, esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }), requestLogPlugin()],
  reporters: [defaultReporter(), summaryReporter()],
};
