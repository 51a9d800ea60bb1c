// Converts the national Gemeinden file with `keck-atlas build`, once without and once with
// simplification, and, right before each, with `ogr2ogr -f FlatGeobuf -lco SPATIAL_INDEX=YES`
// (the baseline); prints wall and CPU time, peak memory (/usr/bin/time -v) and both ratios.
// CPU time (user + system) is printed too because wall time swings when others load the machine.
// Usage: node bench/cli-bench.mjs [boundaries.geojson] [--simplify metres (default 10)]
// The unsimplified atlas stays in bench/out/national/ for map benchmarks.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const args = process.argv.slice(2);
const simplifyAt = args.indexOf('--simplify');
const tolerance = simplifyAt >= 0 ? Number(args.splice(simplifyAt, 2)[1]) : 10;
const input = path.resolve(args[0] ?? '/work/shared/data/boundaries/gemeinden_de_vg250_2016.geojson');
const outRoot = path.join(root, 'bench/out');
const scratch = path.join(outRoot, 'scratch');
rmSync(scratch, { recursive: true, force: true });
mkdirSync(scratch, { recursive: true });
// bench/out holds large generated files: keep it out of git without touching .gitignore.
writeFileSync(path.join(outRoot, '.gitignore'), '*\n');

execFileSync(process.execPath, [path.join(root, 'packages/cli/scripts/build.mjs')], { stdio: 'inherit' });

const metadata = path.join(scratch, 'indicators.csv');
writeFileSync(metadata, 'column;id;title;unit;decimals;kind;topic;definition;source;published\n');
/** A build config for the national file at a simplification tolerance (0: none). */
function writeConfig(simplify) {
  const config = path.join(scratch, `national-${simplify}.config.json`);
  writeFileSync(
    config,
    JSON.stringify({
      atlas: {
        id: 'national',
        title: 'Gemeinden Deutschlands (VG250, 01.01.2016)',
        attribution: [{ text: '© GeoBasis-DE / BKG 2017 (Daten verändert)', url: 'https://www.bkg.bund.de' }],
        reference: { name: 'Deutschland' },
        defaults: { level: 'gemeinde' },
        topics: [{ id: 'demography', title: 'Bevölkerung' }],
      },
      levels: [{ id: 'gemeinde', title: 'Gemeinden', boundaries: input, keyField: 'ags', nameField: 'name' }],
      indicators: metadata,
      tables: [],
      options: { simplify },
    }),
  );
  return config;
}

/** Runs a command under /usr/bin/time -v; returns wall and CPU seconds and peak resident memory in MiB. */
function measure(label, command, commandArgs) {
  const result = spawnSync('/usr/bin/time', ['-v', command, ...commandArgs], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) {
    process.stderr.write(result.stdout + result.stderr);
    throw new Error(`${label} failed with exit code ${result.status}`);
  }
  const figure = (name) => Number(new RegExp(`${name}: ([\\d.]+)`).exec(result.stderr)[1]);
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(result.stderr);
  const seconds = Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]);
  const cpuSeconds = figure('User time \\(seconds\\)') + figure('System time \\(seconds\\)');
  const peakMiB = figure('Maximum resident set size \\(kbytes\\)') / 1024;
  return { label, seconds, cpuSeconds, peakMiB };
}

const size = (file) => (statSync(file).size / 1024 / 1024).toFixed(1);
const ogrOut = path.join(scratch, 'ogr2ogr.fgb');
const row = (run) =>
  `${run.label.padEnd(34)} ${run.seconds.toFixed(2).padStart(6)} s wall ${run.cpuSeconds.toFixed(2).padStart(6)} s cpu   peak ${run.peakMiB.toFixed(0).padStart(5)} MiB`;

console.log(`input: ${input} (${size(input)} MiB)`);
for (const simplify of [0, tolerance]) {
  const atlasDir = path.join(outRoot, simplify ? `national-simplified-${simplify}m` : 'national');
  rmSync(ogrOut, { force: true });
  const baseline = measure('ogr2ogr (baseline)', 'ogr2ogr', ['-f', 'FlatGeobuf', ogrOut, input, '-lco', 'SPATIAL_INDEX=YES']);
  const ours = measure(`keck-atlas build, ${simplify ? `simplify ${simplify} m` : 'no simplification'}`, process.execPath, [
    path.join(root, 'packages/cli/bin/keck-atlas.mjs'),
    'build',
    writeConfig(simplify),
    '--out',
    atlasDir,
    '--quiet',
  ]);
  console.log(row(baseline));
  console.log(row(ours));
  console.log(`  output ${size(path.join(atlasDir, 'gemeinde.fgb'))} MiB (ogr2ogr ${size(ogrOut)} MiB)`);
  const ratio = (key) => (ours[key] / baseline[key]).toFixed(2);
  console.log(`  ratio keck-atlas / ogr2ogr: time ${ratio('seconds')} (goal ≤ 1.5), cpu ${ratio('cpuSeconds')}, memory ${ratio('peakMiB')}`);
}
rmSync(scratch, { recursive: true, force: true });
