// flatgeobuf trusts the header length it reads; a damaged file can make it allocate
// gigabytes and crash the tab. These checks run before any byte reaches it.

const PREFIX_BYTES = 12;
const MAX_HEADER_BYTES = 16 * 1024 * 1024;

/** A description of what is wrong with the file's first 12 bytes, or null when they look right. */
export function flatGeobufStartProblem(bytes: Uint8Array): string | null {
  if (bytes.length < PREFIX_BYTES) return `a file of only ${bytes.length} bytes`;
  const magic = bytes[0] === 0x66 && bytes[1] === 0x67 && bytes[2] === 0x62 && bytes[4] === 0x66 && bytes[5] === 0x67 && bytes[6] === 0x62;
  if (!magic) return 'no FlatGeobuf signature ("fgb") at the start';
  if (bytes[3] !== 3) return `FlatGeobuf version ${bytes[3]} (this library reads version 3)`;
  const headerSize = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(8, true);
  if (headerSize < 4 || headerSize > MAX_HEADER_BYTES) return `a damaged header (declared length ${headerSize} bytes)`;
  return null;
}

/**
 * Checks the start of a stream and returns a stream with the same bytes, or throws an
 * Error describing the problem.
 */
export async function checkedFlatGeobufStream(body: ReadableStream<Uint8Array>): Promise<ReadableStream<Uint8Array>> {
  const reader = body.getReader();
  const head: Uint8Array[] = [];
  let length = 0;
  while (length < PREFIX_BYTES) {
    const { value, done } = await reader.read();
    if (done) break;
    head.push(value);
    length += value.length;
  }
  const start = new Uint8Array(length);
  let offset = 0;
  for (const chunk of head) {
    start.set(chunk, offset);
    offset += chunk.length;
  }
  const problem = flatGeobufStartProblem(start);
  if (problem) {
    await reader.cancel();
    throw new Error(problem);
  }
  let sentStart = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!sentStart) {
        sentStart = true;
        controller.enqueue(start);
        return;
      }
      const { value, done } = await reader.read();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    cancel: (reason) => reader.cancel(reason),
  });
}

/** Reads the first bytes of a remote file with a Range request and checks them. */
export async function checkRemoteFlatGeobuf(url: string, signal?: AbortSignal): Promise<void> {
  const response = await fetch(url, { headers: { Range: `bytes=0-${PREFIX_BYTES - 1}` }, signal, credentials: 'same-origin' });
  if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`.trim());
  const problem = flatGeobufStartProblem(new Uint8Array(await response.arrayBuffer()).subarray(0, PREFIX_BYTES));
  if (problem) throw new Error(problem);
}
