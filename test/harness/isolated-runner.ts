export {};
// Runs one scenario of test/browser/scenarios/ in a frame on another site (so in another
// renderer process), answers the parent's pings while it runs, and reports the result and the
// longest time its own main thread was busy, and every uncaught error.
const scenario = new URLSearchParams(location.search).get('scenario') ?? '';
const target = new URLSearchParams(location.search).get('parent') ?? '';
const uncaught: string[] = [];
window.addEventListener('error', (event) => uncaught.push(`error: ${event.message}`));
window.addEventListener('unhandledrejection', (event) => uncaught.push(`unhandled rejection: ${(event.reason as Error)?.message ?? String(event.reason)}`));
let last = performance.now();
let longestBusy = 0;
setInterval(() => {
  const now = performance.now();
  longestBusy = Math.max(longestBusy, now - last);
  last = now;
}, 20);
const report = (message: Record<string, unknown>) => parent.postMessage({ type: 'keck-isolated', ...message }, target);
window.addEventListener('message', (event) => {
  if (event.origin === target && event.data === 'ping') report({ pong: true });
});

try {
  if (!/^[a-z0-9-]+$/.test(scenario)) throw new Error(`bad scenario name "${scenario}"`);
  const module = await import(`../browser/scenarios/${scenario}.ts`);
  const result = await module.run(document.getElementById('stage'));
  report({ result, longestBusy: Math.round(longestBusy), uncaught });
} catch (error) {
  report({ result: null, error: error instanceof Error ? error.message : String(error), longestBusy: Math.round(longestBusy), uncaught });
}
