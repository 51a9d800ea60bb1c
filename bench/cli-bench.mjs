// Converts the national Gemeinden file with `keck-atlas build` and, in the same run, with
// `ogr2ogr -f FlatGeobuf -lco SPATIAL_INDEX=YES` (the baseline); prints wall time, peak memory
// (/usr/bin/time -v) and the ratio. Usage: node bench/cli-bench.mjs [boundaries.geojson] [--simplify metres]
// The built atlas stays in bench/out/national/ for map benchmarks.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const args = process.argv.slice(2);
const simplifyAt = args.indexOf('--simplify');
const simplify = simplifyAt >= 0 ? Number(args.splice(simplifyAt, 2)[1]) : 0;
const input = path.resolve(args[0] ?? '/work/shared/data/boundaries/gemeinden_de_vg250_2016.geojson');
const outRoot = path.join(root, 'bench/out');
const atlasDir = path.join(outRoot, 'national');
const scratch = path.join(outRoot, 'scratch');
rmSync(scratch, { recursive: true, force: true });
mkdirSync(scratch, { recursive: true });
// bench/out holds large generated files: keep it out of git without touching .gitignore.
writeFileSync(path.join(outRoot, '.gitignore'), '*\n');

execFileSync(process.execPath, [path.join(root, 'scripts/build-cli.mjs')], { stdio: 'inherit' });

const metadata = path.join(scratch, 'indicators.csv');
writeFileSync(metadata, 'column;id;title;unit;decimals;kind;topic;definition;source;published\n');
const config = path.join(scratch, 'national.config.json');
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

/** Runs a command under /usr/bin/time -v; returns seconds and peak resident memory in MiB. */
function measure(label, command, commandArgs) {
  const result = spawnSync('/usr/bin/time', ['-v', command, ...commandArgs], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) {
    process.stderr.write(result.stdout + result.stderr);
    throw new Error(`${label} failed with exit code ${result.status}`);
  }
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(result.stderr);
  const seconds = Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]);
  const peakMiB = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr)[1]) / 1024;
  return { label, seconds, peakMiB };
}

const ogrOut = path.join(scratch, 'ogr2ogr.fgb');
const runs = [
  measure('keck-atlas build', process.execPath, [path.join(root, 'bin/keck-atlas.mjs'), 'build', config, '--out', atlasDir, '--quiet']),
  measure('ogr2ogr (baseline)', 'ogr2ogr', ['-f', 'FlatGeobuf', ogrOut, input, '-lco', 'SPATIAL_INDEX=YES']),
];
const [ours, baseline] = runs;
const size = (file) => (statSync(file).size / 1024 / 1024).toFixed(1);

console.log(`input: ${input} (${size(input)} MiB), simplification: ${simplify ? `${simplify} m` : 'none'}`);
for (const run of runs) console.log(`${run.label.padEnd(20)} ${run.seconds.toFixed(2).padStart(7)} s   peak ${run.peakMiB.toFixed(0).padStart(5)} MiB`);
console.log(`output: ${path.join(atlasDir, 'gemeinde.fgb')} ${size(path.join(atlasDir, 'gemeinde.fgb'))} MiB; ogr2ogr ${size(ogrOut)} MiB`);
console.log(`time ratio keck-atlas / ogr2ogr: ${(ours.seconds / baseline.seconds).toFixed(2)} (goal ≤ 1.5); memory ratio ${(ours.peakMiB / baseline.peakMiB).toFixed(2)}`);
rmSync(scratch, { recursive: true, force: true });
