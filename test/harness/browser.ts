import { executeServerCommand } from '@web/test-runner-commands';

export interface LoggedRequest {
  url: string;
  method: string;
  range: string | null;
  status?: number;
}

/** Starts recording every request the test page, its frames and workers make (as Chromium sees them). */
export async function startRequestLog(): Promise<void> {
  await executeServerCommand('request-log-start');
}

/** The requests recorded since `startRequestLog()`. */
export async function readRequestLog(): Promise<LoggedRequest[]> {
  return ((await executeServerCommand("request-log-read")) as LoggedRequest[] | undefined) ?? [];
}

/** Requests that left the page's own origin (data: and blob: URLs stay on the page). */
export function foreignRequests(log: LoggedRequest[]): LoggedRequest[] {
  return log.filter((entry) => !/^(data|blob):/.test(entry.url) && new URL(entry.url).origin !== location.origin);
}

export interface CspRun {
  /** `violatedDirective blockedURI` of every securitypolicyviolation in the frame. */
  violations: string[];
  /** What the scenario reported. */
  result: unknown;
  error?: string;
}

/**
 * Runs `test/csp/scenarios/<name>.ts` in an iframe served with a strict Content-Security-Policy
 * header and returns the violations it saw and the scenario's result.
 */
export function runUnderStrictCsp(scenario: string, timeout = 20000): Promise<CspRun> {
  return new Promise((resolve, reject) => {
    const frame = document.createElement('iframe');
    frame.style.cssText = 'width:800px;height:600px;border:0';
    const timer = setTimeout(() => {
      window.removeEventListener('message', onMessage);
      frame.remove();
      reject(new Error(`CSP scenario "${scenario}" did not report within ${timeout} ms`));
    }, timeout);
    const onMessage = (event: MessageEvent) => {
      if (event.source !== frame.contentWindow || event.data?.type !== 'keck-csp-result') return;
      clearTimeout(timer);
      window.removeEventListener('message', onMessage);
      frame.remove();
      resolve(event.data as CspRun);
    };
    window.addEventListener('message', onMessage);
    frame.src = `/test/csp/page.html?scenario=${encodeURIComponent(scenario)}`;
    document.body.append(frame);
  });
}

export interface IsolatedRun {
  result: unknown;
  error?: string;
  /** The longest the frame's main thread went without running a 20 ms timer, in ms. */
  longestBusy: number;
  /** Uncaught errors and unhandled rejections in the frame. */
  uncaught: string[];
}

/**
 * Runs `test/browser/scenarios/<name>.ts` in a frame on another site (127.0.0.1 for a page on
 * localhost): Chromium gives it its own process, so a scenario that freezes cannot freeze the
 * test. Rejects when the frame, once it answered, stops answering pings for `frozenAfter` ms, or
 * reports nothing within `timeout` ms; the frame is removed in every case.
 */
export function runIsolated(scenario: string, { timeout = 20000, frozenAfter = 5000 } = {}): Promise<IsolatedRun> {
  const other = location.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
  const origin = `${location.protocol}//${other}:${location.port}`;
  return new Promise((resolve, reject) => {
    const frame = document.createElement('iframe');
    frame.style.cssText = 'width:800px;height:600px;border:0';
    let lastPong = 0;
    const finish = (settle: () => void) => {
      clearTimeout(timer);
      clearInterval(pinger);
      window.removeEventListener('message', onMessage);
      frame.remove();
      settle();
    };
    const timer = setTimeout(() => finish(() => reject(new Error(`scenario "${scenario}" did not report within ${timeout} ms`))), timeout);
    const pinger = setInterval(() => {
      if (lastPong && performance.now() - lastPong > frozenAfter) finish(() => reject(new Error(`scenario "${scenario}": the page's main thread did not answer for ${frozenAfter} ms (frozen)`)));
      else frame.contentWindow?.postMessage('ping', origin);
    }, 200);
    const onMessage = (event: MessageEvent) => {
      if (event.origin !== origin || event.data?.type !== 'keck-isolated') return;
      lastPong = performance.now();
      if (event.data.pong) return;
      finish(() => resolve(event.data as IsolatedRun));
    };
    window.addEventListener('message', onMessage);
    frame.src = `${origin}/test/harness/isolated-page.html?scenario=${encodeURIComponent(scenario)}&parent=${encodeURIComponent(location.origin)}`;
    document.body.append(frame);
  });
}
