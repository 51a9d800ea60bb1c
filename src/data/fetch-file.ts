import { ContractError } from '../contract/issues.js';

/** Seconds a request may go without an answer (or, while the body arrives, without new bytes). */
export const DEFAULT_TIMEOUT_SECONDS = 30;
/** The largest file the elements read (manifests, value files, geometry, points of interest). */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;
const RETRY_DELAY_MS = 300;

export interface FetchOptions {
  signal?: AbortSignal;
  /** Seconds without an answer or new bytes before the attempt is given up (default 30). */
  timeout?: number;
  /** Inclusive byte range [first, last] to read with an HTTP Range request. */
  range?: [number, number];
  maxBytes?: number;
}

export interface FetchedBytes {
  bytes: Uint8Array;
  /** The size of the whole file: the Content-Range total for a range read, else the body's length. */
  fileSize: number;
}

/** Why one attempt failed, and whether another attempt may help (network errors, timeouts, 5xx). */
class AttemptFailure extends Error {
  constructor(
    readonly expected: string,
    readonly found: string,
    readonly retryable: boolean,
  ) {
    super(found);
  }
}

/**
 * Fetches a file's bytes (or a byte range of it) with a timeout and one retry. An attempt
 * fails after `timeout` seconds without an answer or without new bytes; network errors,
 * timeouts and HTTP 5xx are retried once. Failures become a ContractError naming the file
 * (`/atlas/atlas.json: $: expected an answer from the server, found no answer within 30 s (2 attempts)`);
 * an abort by the caller's signal rejects with the signal's reason.
 */
export async function fetchBytes(url: string, options: FetchOptions = {}): Promise<FetchedBytes> {
  const { signal } = options;
  let failure: AttemptFailure | undefined;
  for (let attempt = 1; attempt <= 2; attempt++) {
    signal?.throwIfAborted();
    try {
      // A retry goes to the server, not to a cache that may hold the failed answer.
      return await fetchOnce(url, options, attempt === 1 ? 'default' : 'reload');
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      if (!(error instanceof AttemptFailure)) throw error;
      failure = error;
      if (!error.retryable) break;
      if (attempt === 1) await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS));
    }
  }
  const found = failure!.retryable ? `${failure!.found} (2 attempts)` : failure!.found;
  throw new ContractError(url, [{ file: url, path: '$', expected: failure!.expected, found }]);
}

/** `fetchBytes` as UTF-8 text. */
export async function fetchText(url: string, options: FetchOptions = {}): Promise<string> {
  return new TextDecoder().decode((await fetchBytes(url, options)).bytes);
}

async function fetchOnce(url: string, { signal, timeout = DEFAULT_TIMEOUT_SECONDS, range, maxBytes = MAX_FILE_BYTES }: FetchOptions, cache: 'default' | 'reload'): Promise<FetchedBytes> {
  const attempt = new AbortController();
  const abortAttempt = () => attempt.abort(signal!.reason);
  signal?.addEventListener('abort', abortAttempt, { once: true });
  let timedOut = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const restartTimer = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timedOut = true;
      attempt.abort();
    }, timeout * 1000);
  };
  const noAnswer = () => new AttemptFailure('an answer from the server', `no answer within ${timeout} s`, true);
  try {
    restartTimer();
    let response: Response;
    try {
      // Not a literal in the call: this file is type-checked for the CLI too, and Node's RequestInit has no `cache`.
      const init = { signal: attempt.signal, cache, credentials: 'same-origin' as const, headers: range ? { Range: `bytes=${range[0]}-${range[1]}` } : undefined };
      response = await fetch(url, init);
    } catch (error) {
      if (timedOut) throw noAnswer();
      if (signal?.aborted) throw error;
      throw new AttemptFailure('a reachable file', `a network error (${(error as Error).message})`, true);
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      throw new AttemptFailure(range ? 'HTTP 206 (a byte range)' : 'HTTP 200', `HTTP ${response.status} ${response.statusText}`.trim(), response.status >= 500);
    }
    let bytes: Uint8Array;
    try {
      bytes = await readBody(response, maxBytes, restartTimer);
    } catch (error) {
      if (error instanceof AttemptFailure) throw error;
      if (timedOut) throw noAnswer();
      if (signal?.aborted) throw error;
      throw new AttemptFailure('a complete file', `a connection that broke off (${(error as Error).message})`, true);
    }
    if (!range) return { bytes, fileSize: bytes.length };
    if (response.status !== 206) {
      // A server without Range support sends the whole file.
      return { bytes: bytes.subarray(range[0], range[1] + 1), fileSize: bytes.length };
    }
    const total = /\/(\d+)\s*$/.exec(response.headers.get('Content-Range') ?? '');
    return { bytes, fileSize: total ? Number(total[1]) : range[0] + bytes.length };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', abortAttempt);
  }
}

async function readBody(response: Response, maxBytes: number, onProgress: () => void): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    onProgress();
    length += value.length;
    if (length > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new AttemptFailure(`a file of at most ${maxBytes} bytes`, 'a larger file', false);
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0];
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

