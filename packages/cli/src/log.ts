/** Messages for people on stderr; stdout stays free for the summary. */
export interface Log {
  progress(message: string): void;
  warn(message: string): void;
}

export function stderrLog({ quiet = false } = {}): Log {
  return {
    progress: (message) => {
      if (!quiet) process.stderr.write(`… ${message}\n`);
    },
    warn: (message) => process.stderr.write(`warning: ${message}\n`),
  };
}

/** Runs a step and reports its duration once it is done. */
export async function step<T>(log: Log, label: string, work: () => Promise<T> | T): Promise<T> {
  const started = performance.now();
  log.progress(`${label}`);
  const result = await work();
  const seconds = (performance.now() - started) / 1000;
  if (seconds >= 1) log.progress(`${label}: done in ${seconds.toFixed(1)} s`);
  return result;
}
