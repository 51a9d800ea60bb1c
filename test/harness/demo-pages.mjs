// The demo site's pages as the layout test and scripts/screenshots.mjs open them: every keck
// element settled (in the page and in its iframes), then the layout audit run in every frame.
import { readFileSync } from 'node:fs';

export const DEMO_PAGES = ['', 'luechow-dannenberg.html', 'deutschland.html', 'report.html', 'bookmarks.html', 'theme.html', 'csp.html', 'embed.html'];

/** What an editor writes when a content block gets a fixed height. */
export const FIXED_HEIGHT_CSS = 'keck-map, keck-chart, keck-table, keck-area-report { height: 20rem; }';

const auditSource = readFileSync(new URL('./layout-audit.js', import.meta.url), 'utf8').replace(/^export /m, '');

/** Runs in the page: waits until every keck element, also inside shadow roots, has settled. */
const WAIT_SETTLED = `(async () => {
  const all = (root) => [...root.querySelectorAll('*')].flatMap((el) => [el, ...(el.shadowRoot ? all(el.shadowRoot) : [])]);
  for (let round = 0; round < 2; round++) {
    await Promise.all(all(document).filter((el) => el.localName.startsWith('keck-')).map((el) => customElements.whenDefined(el.localName)));
    await Promise.all(all(document).filter((el) => el.localName.startsWith('keck-') && el.settled).map((el) => el.settled().catch(() => {})));
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
})()`;

/**
 * Opens `url`, adds `css` (a constructed style sheet, so the page's CSP stays as served), waits
 * for every element in every frame to settle and returns the audit's problems (frame-tagged).
 */
export async function openSettled(page, url, { css = '', timeout = 90000, selector } = {}) {
  await page.goto(url, { waitUntil: 'load', timeout });
  if (css) await addStyle(page.mainFrame(), css);
  // iframes load lazily: bring each into view once.
  await page.evaluate(`(async () => { for (const f of document.querySelectorAll('iframe')) { f.loading = 'eager'; f.scrollIntoView(); await new Promise((r) => setTimeout(r, 50)); } window.scrollTo(0, 0); })()`);
  await page.waitForLoadState('load');
  const problems = [];
  for (const frame of page.frames()) {
    await frame.waitForLoadState('load');
    if (css && frame !== page.mainFrame()) await addStyle(frame, css);
    await frame.evaluate(`Promise.race([${WAIT_SETTLED}, new Promise((r) => setTimeout(r, ${timeout - 5000}))])`);
  }
  // The host page's resize script answers the frames' heights.
  await page.waitForTimeout(300);
  for (const frame of page.frames()) {
    const found = await frame.evaluate(`(async () => { ${auditSource}; return auditLayout(${JSON.stringify({ selector: selector ?? '*' })}); })()`);
    const where = frame === page.mainFrame() ? '' : `iframe ${new URL(frame.url()).search.slice(0, 60)}: `;
    problems.push(...found.map((p) => ({ ...p, element: where + p.element })));
  }
  return { problems };
}

async function addStyle(frame, css) {
  await frame.evaluate(`(() => { const sheet = new CSSStyleSheet(); sheet.replaceSync(${JSON.stringify(css)}); document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]; })()`);
}
