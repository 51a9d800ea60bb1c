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
