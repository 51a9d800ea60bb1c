import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { ContractError } from '../../../src/contract/issues.js';
import { buildAtlas, type BuildSummary } from './build.js';
import { DataError, systemMessage, UsageError } from './errors.js';
import { stderrLog } from './log.js';
import { starterConfig } from './starter-config.js';
import { validateAtlasDirectory } from './validate-atlas.js';

const USAGE = `Usage:
  keck-atlas build <config.json> [--out dir] [--report file] [--internal] [--quiet]
  keck-atlas validate <atlas.json>
  keck-atlas init [file]          (default: atlas.config.json)

Exit codes: 0 ok, 1 data error, 2 usage error, 3 internal error (a bug). Docs: docs/cli.md`;

/** Runs the command line; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      process.stdout.write(`${USAGE}\n`);
      return command === undefined ? 2 : 0;
    }
    if (command === 'build') return await buildCommand(rest);
    if (command === 'validate') return await validateCommand(rest);
    if (command === 'init') return await initCommand(rest);
    throw new UsageError(`unknown command "${command}"`);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`keck-atlas: ${error.message}\n${error.showUsage ? `\n${USAGE}\n` : ''}`);
      return 2;
    }
    if (error instanceof DataError || error instanceof ContractError) {
      process.stderr.write(`keck-atlas: error:\n${error.message}\n`);
      return 1;
    }
    const detail = process.env.KECK_DEBUG ? (error as Error).stack : (error as Error).message;
    process.stderr.write(`keck-atlas: internal error: ${detail ?? String(error)}\nThis is a bug in keck-atlas, not in your data: please report it with the command you ran${process.env.KECK_DEBUG ? '' : ' (KECK_DEBUG=1 shows where it happened)'}.\n`);
    return 3;
  }
}

type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string }>;

function parse(args: string[], options: OptionSpec = {}) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

async function buildCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { out: { type: 'string', short: 'o' }, report: { type: 'string' }, internal: { type: 'boolean' }, quiet: { type: 'boolean', short: 'q' } });
  if (positionals.length !== 1) throw new UsageError('build needs exactly one config file');
  const options = { out: values.out as string | undefined, report: values.report as string | undefined, internal: values.internal as boolean | undefined };
  const summary = await buildAtlas(positionals[0], options, stderrLog({ quiet: Boolean(values.quiet) }));
  process.stdout.write(formatSummary(summary));
  return 0;
}

async function validateCommand(args: string[]): Promise<number> {
  const { positionals } = parse(args);
  if (positionals.length !== 1) throw new UsageError('validate needs exactly one atlas.json');
  const summary = await validateAtlasDirectory(positionals[0]);
  const levels = summary.levels.map((level) => `${level.id} ${level.areas} areas / ${level.shapes} shapes`).join(', ');
  process.stdout.write(`${summary.file}: valid (${levels}; ${summary.indicators} indicators, ${summary.blocks} value blocks)\n`);
  return 0;
}

async function initCommand(args: string[]): Promise<number> {
  const { positionals } = parse(args, {});
  if (positionals.length > 1) throw new UsageError('init takes at most one file name');
  const file = positionals[0] ?? 'atlas.config.json';
  if (existsSync(file)) throw new UsageError(`${file} exists; choose another name or remove it`, false);
  try {
    await writeFile(file, starterConfig(), { flag: 'wx' });
  } catch (error) {
    throw new UsageError(`cannot write ${file} (${systemMessage(error)})`, false);
  }
  process.stdout.write(`${file} written: edit it, then run keck-atlas build ${file}\n`);
  return 0;
}

export function formatSummary(summary: BuildSummary): string {
  const lines = [`atlas written to ${summary.out} (${summary.build} build)`];
  for (const level of summary.levels) {
    lines.push(`  level ${level.id}: ${level.areas} areas (${level.file}); ${level.matched} with table rows, ${level.areas - level.matched} without; ${level.unmatched.length} table rows matched no area`);
  }
  lines.push(`  indicators: ${summary.indicators.length} (${summary.indicators.join(', ')})${summary.leftOut.length ? `; not published, left out: ${summary.leftOut.join(', ')}` : ''}`);
  lines.push(`  years: ${summary.years.join(', ') || 'none'}`);
  for (const poi of summary.pois) lines.push(`  POI source ${poi.id}: ${poi.points} points (${poi.file})`);
  for (const line of summary.audit) lines.push(`  ${line}`);
  lines.push(`  disclosure report (for the office only, never publish it): ${summary.report}`);
  if (summary.warnings.length) lines.push(`  warnings: ${summary.warnings.length} (see above)`);
  return `${lines.join('\n')}\n`;
}
