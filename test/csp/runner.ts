export {};
// Runs one scenario module under the page's strict CSP header and reports every
// securitypolicyviolation to the parent test page.
const violations: string[] = [];
document.addEventListener('securitypolicyviolation', (event) => {
  violations.push(`${event.violatedDirective} ${event.blockedURI}`);
});

const scenario = new URLSearchParams(location.search).get('scenario') ?? '';
const report = (message: Record<string, unknown>) => parent.postMessage({ type: 'keck-csp-result', violations, ...message }, location.origin);

try {
  if (!/^[a-z0-9-]+$/.test(scenario)) throw new Error(`bad scenario name "${scenario}"`);
  const module = await import(`./scenarios/${scenario}.ts`);
  const result = await module.run(document.getElementById('stage'));
  // Violations are reported asynchronously; give them a moment to arrive.
  await new Promise((resolve) => setTimeout(resolve, 300));
  report({ result });
} catch (error) {
  report({ result: null, error: error instanceof Error ? error.message : String(error) });
}
