import { ContractError } from '../contract/issues.js';

/** Fetches a file's text; HTTP and network failures become a ContractError naming the file. */
export async function fetchText(url: string, signal?: AbortSignal): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url, { signal, credentials: 'same-origin' });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ContractError(url, [{ file: url, path: '$', expected: 'a reachable file', found: `a network error (${(error as Error).message})` }]);
  }
  if (!response.ok) {
    throw new ContractError(url, [{ file: url, path: '$', expected: 'HTTP 200', found: `HTTP ${response.status} ${response.statusText}`.trim() }]);
  }
  return response.text();
}
