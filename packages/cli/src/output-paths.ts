import { mkdir, readFile, realpath, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DataError, systemMessage, UsageError } from './errors.js';
import { REPORT_HEADER } from './report.js';

/** The output folder is a folder, or can become one. */
export async function checkOutputFolder(folder: string, what: string): Promise<void> {
  const { existing, kind } = await nearestExisting(folder);
  if (kind === 'file') throw new UsageError(`${what} ${folder}: ${existing === folder ? 'this is a file' : `${existing} is a file`}, not a folder; give a folder for the atlas`, false);
}

/** The report is a file, or can become one. */
export async function checkReportFile(file: string, what: string): Promise<void> {
  const { existing, kind } = await nearestExisting(file);
  if (existing === file && kind === 'folder') throw new UsageError(`${what} ${file}: this is a folder; give a file name, e.g. ${path.join(file, 'atlas.suppression-report.csv')}`, false);
  if (existing !== file && kind === 'file') throw new UsageError(`${what} ${file}: ${existing} is a file, not a folder`, false);
}

/** The disclosure report says which hidden cells are small: it never lands in the folder that is published. */
export async function refuseReportInside(reportFile: string, out: string, given: boolean): Promise<void> {
  const [report, folder] = await Promise.all([realLocation(reportFile), realLocation(out)]);
  const relative = path.relative(folder, report);
  if (relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative)) {
    throw DataError.at(reportFile, `the disclosure report would be written inside the output folder ${out}, which is published; ${given ? 'give --report a file outside it' : 'write it elsewhere with --report <file>'} (the report says which hidden cells are small counts)`);
  }
}

/** The path with symbolic links of its existing part resolved. */
async function realLocation(target: string): Promise<string> {
  const absolute = path.resolve(target);
  const { existing } = await nearestExisting(absolute);
  return path.join(await realpath(existing), path.relative(existing, absolute));
}

async function nearestExisting(target: string): Promise<{ existing: string; kind: 'folder' | 'file' }> {
  let current = path.resolve(target);
  for (;;) {
    try {
      return { existing: current, kind: (await stat(current)).isDirectory() ? 'folder' : 'file' };
    } catch (error) {
      const parent = path.dirname(current);
      // Other failures (no permission) show when the build writes, with the path.
      if (!['ENOENT', 'ENOTDIR'].includes((error as NodeJS.ErrnoException).code ?? '') || parent === current) return { existing: current, kind: 'folder' };
      current = parent;
    }
  }
}

/** Writes a file, and the folders it needs; a failure names the path. */
export async function writeOutput(target: string, content: string | Uint8Array): Promise<void> {
  try {
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, content);
  } catch (error) {
    throw DataError.at(target, `cannot write here (${systemMessage(error)})`);
  }
}

/** Older versions wrote the report into the output folder; a rebuild removes it from there. */
export async function removeOldReport(out: string, warn: (message: string) => void): Promise<void> {
  const file = path.join(out, 'suppression-report.csv');
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined || !text.split('\n').some((line) => line.trim() === REPORT_HEADER)) return;
  await rm(file);
  warn(`removed ${file}: a disclosure report of an older build, which must never be published`);
}
