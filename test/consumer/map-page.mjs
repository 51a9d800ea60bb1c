// Opens a page with a <keck-map> in Chromium and tells what a visitor would see: whether the
// map drew its areas (read from the canvas pixels), which keck-load / keck-error events
// fired, and every failed request, console error and CSP violation on the way.
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/chromium.mjs';

export function launchChromium() {
  return chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
}

/** Records problems and keck events from the first request on. */
export async function openMapPage(browser, url, { timeout = 60000 } = {}) {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    window.__keck = { events: [], violations: [] };
    document.addEventListener('securitypolicyviolation', (event) =>
      window.__keck.violations.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
    for (const name of ['keck-load', 'keck-error']) {
      document.addEventListener(name, (event) =>
        window.__keck.events.push({ type: name, element: event.target.localName, message: event.message ?? '' }),
      );
    }
  });
  const page = await context.newPage();
  const problems = [];
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`));
  page.on('response', (response) => response.status() >= 400 && problems.push(`HTTP ${response.status()}: ${response.url()}`));
  // The browser's own /favicon.ico request (a page without an icon link) is not the page's.
  const ownRequest = (url = '') => /\/favicon\.ico$/.test(url);
  page.on(
    'console',
    (message) =>
      message.type() === 'error' &&
      !ownRequest(message.location()?.url) &&
      problems.push(`console error: ${message.text()} ${message.location()?.url ?? ''}`.trim()),
  );
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.goto(url, { waitUntil: 'load' });
  const frame = page.mainFrame();
  return { context, page, problems, ...(await settledMap(frame, timeout)) };
}

/**
 * Waits until the map fired keck-load or keck-error, then (after keck-load) for its first
 * complete draw, and reads the canvas. Polls with `evaluate`: pages under the strict CSP
 * forbid the eval that waitForFunction may use.
 */
export async function settledMap(frame, timeout = 60000) {
  const end = Date.now() + timeout;
  const mapEvents = () => frame.evaluate(() => window.__keck.events.filter((event) => event.element === 'keck-map'));
  while ((await mapEvents()).length === 0) {
    if (Date.now() > end) throw new Error(`no keck-load or keck-error from <keck-map> within ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const events = await mapEvents();
  const drawing = events[0].type === 'keck-load' ? await readMapDrawing(frame, Math.max(1000, end - Date.now())) : undefined;
  const status = await frame.evaluate(() => {
    const map = document.querySelector('keck-map');
    return {
      status: map.data?.status,
      shown: map.shadowRoot.querySelector('[part=status]')?.textContent.replace(/\s+/g, ' ').trim() ?? '',
    };
  });
  const violations = await frame.evaluate(() => window.__keck.violations);
  return { events, drawing, status, violations };
}

/**
 * How much of the map's canvas shows the legend's class colours: `share` of all pixels and
 * the number of distinct class colours seen. A blank map (background only) gives 0; the
 * Vechta demo atlas at 1280 × 720 covers about 9 % of the canvas in 5 colours.
 */
export function readMapDrawing(frame, timeout) {
  return frame.evaluate(async (timeout) => {
    const element = document.querySelector('keck-map');
    const complete = await Promise.race([
      element.mapComplete().then(() => true),
      new Promise((resolve) => setTimeout(() => resolve(false), timeout)),
    ]);
    const canvas = element.shadowRoot.querySelector('canvas');
    if (!canvas) return { complete, share: 0, classColours: 0, width: 0 };
    const copy = document.createElement('canvas');
    copy.width = canvas.width;
    copy.height = canvas.height;
    const context = copy.getContext('2d');
    context.drawImage(canvas, 0, 0);
    const { data } = context.getImageData(0, 0, copy.width, copy.height);
    const targets = element.view.legend.classes.map((entry) => [1, 3, 5].map((i) => parseInt(entry.colour.slice(i, i + 2), 16)));
    const seen = new Set();
    let matching = 0;
    for (let offset = 0; offset < data.length; offset += 4) {
      const index = targets.findIndex((rgb) => rgb.every((value, channel) => Math.abs(value - data[offset + channel]) <= 3));
      if (index >= 0) {
        matching++;
        seen.add(index);
      }
    }
    return { complete, share: matching / (data.length / 4), classColours: seen.size, width: canvas.width };
  }, timeout);
}

/**
 * What a visitor must see: keck-load and nothing else, the areas drawn in their class colours,
 * no failed request or console error, and (where the page has a CSP) no violation.
 */
export function assertMapDraws({ events, drawing, status, problems, violations }, { csp = true } = {}) {
  assert.deepEqual(
    events.map((event) => `${event.type} ${event.message ?? ''}`.trim()),
    ['keck-load'],
    `the map fires keck-load only (it shows: ${status.shown})`,
  );
  assert.ok(drawing.complete && drawing.share > 0.05 && drawing.classColours >= 3, `the canvas shows the areas in their class colours: ${JSON.stringify(drawing)}`);
  assert.deepEqual(problems, [], 'no failed request and no console error');
  if (csp) assert.deepEqual(violations, [], 'no CSP violation');
}
