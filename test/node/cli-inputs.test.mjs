// Inputs as offices write them, read by the real keck-atlas process: DBF encodings, number
// formats, Excel workbooks, reference rows, counts, geometry and names.
// The binary fixtures in test/fixtures/cli/inputs/ come from make-fixtures.mjs beside them.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize } from 'flatgeobuf/lib/mjs/geojson.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixtures = path.join(root, 'test/fixtures/cli/inputs');
const sources = path.join(root, 'demo/sources');
const cli = path.join(root, 'packages/cli/bin/keck-atlas.mjs');
let work;

console.debug = () => {};

before(() => {
  execFileSync(process.execPath, [path.join(root, 'packages/cli/scripts/build.mjs')], { stdio: 'inherit' });
  work = mkdtempSync(path.join(tmpdir(), 'keck-cli-inputs-'));
});
after(() => rmSync(work, { recursive: true, force: true }));

let runs = 0;
/** Builds `config` (absolute paths) into a fresh folder; returns exit code, output and the manifest if written. */
function build(config, ...args) {
  const name = `run-${++runs}`;
  const file = path.join(work, `${name}.json`);
  writeFileSync(file, JSON.stringify(config, null, 2));
  const out = path.join(work, name);
  const result = spawnSync(process.execPath, [cli, 'build', file, '--out', out, ...args], { cwd: work, encoding: 'utf8' });
  const manifest = path.join(out, 'atlas.json');
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, out, atlas: existsSync(manifest) ? JSON.parse(readFileSync(manifest, 'utf8')) : undefined };
}

/** Writes a file into the work folder and returns its path. */
function file(name, content) {
  const target = path.join(work, name);
  writeFileSync(target, content);
  return target;
}

const atlas = {
  id: 'test',
  title: 'Test',
  attribution: [{ text: '© GeoBasis-DE / BKG 2017 (Daten verändert)' }],
  reference: { name: 'Landkreis Vechta', key: '03460' },
  defaults: { level: 'gemeinde' },
  topics: [{ id: 'demography', title: 'Bevölkerung' }],
};
const gemeinden = (boundaries = path.join(sources, 'vechta_gemeinden.geojson'), extra = {}) => ({ id: 'gemeinde', title: 'Gemeinden', boundaries, keyField: 'ags', nameField: 'name', ...extra });
const sharesMetadata = path.join(sources, 'vechta.indicators.csv');
const countsMetadata = path.join(root, 'test/fixtures/cli/counts.indicators.csv');
/** A config of the Vechta Gemeinden with one table. */
const withTable = (table, { metadata = sharesMetadata, level = gemeinden(), ...rest } = {}) => ({
  atlas,
  levels: [level],
  indicators: metadata,
  tables: [{ level: 'gemeinde', year: 2013, ...(typeof table === 'string' ? { file: table } : table) }],
  ...rest,
});
const boundariesOnly = (boundaries) => ({ atlas, levels: [gemeinden(boundaries)], indicators: countsMetadata, tables: [] });

const VECHTA_ROWS = [
  ['3460001', 'Bakum', 6400],
  ['3460002', 'Damme', 16700],
  ['3460003', 'Dinklage', 13000],
  ['3460004', 'Goldenstedt', 9300],
  ['3460005', 'Holdorf', 7000],
  ['3460006', 'Lohne', 26000],
  ['3460007', 'Neuenkirchen-Vörden', 8500],
  ['3460008', 'Steinfeld', 10000],
  ['3460009', 'Vechta', 32000],
  ['3460010', 'Visbek', 9800],
];
/** A counts table (Einwohner; Kinder unter 3; Geheim) of the ten Gemeinden, `;`-separated, German numbers. */
function countsCsv(name, { rows = VECHTA_ROWS, u3 = () => '120', header = 'Schlüssel;Gebiet;Einwohner;Kinder unter 3;Geheim', reference = ';Gesamt;138.500;4.210;1.000' } = {}) {
  const lines = [header, ...(reference ? [reference] : []), ...rows.map(([key, name, population], i) => `${key};${name};${population.toLocaleString('de-DE')};${u3(i)};100`)];
  return file(name, `${lines.join('\n')}\n`);
}

async function readFgb(target) {
  const features = [];
  for await (const feature of deserialize(new Uint8Array(readFileSync(target)))) features.push(feature);
  return features;
}

describe('DBF encoding: the bytes decide, the .cpg is only believed when they agree', () => {
  const names = (result) => result.atlas.levels[0].areas.map((area) => area.name);
  it('a UTF-8 .dbf without .cpg reads "Neuenkirchen-Vörden", with a warning', () => {
    const result = build(boundariesOnly(path.join(fixtures, 'utf8-without-cpg.zip')));
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(names(result), ['Holdorf', 'Lohne (Oldenburg)', 'Neuenkirchen-Vörden']);
    assert.match(result.stderr, /utf8-without-cpg\.shp in utf8-without-cpg\.zip: the \.dbf has no \.cpg, but its texts are UTF-8 \("Neuenkirchen-Vörden", not "Neuenkirchen-VÃ¶rden"\); read as UTF-8/);
  });
  it('a UTF-8 .dbf whose .cpg says 1252 reads UTF-8, with a warning', () => {
    const result = build(boundariesOnly(path.join(fixtures, 'utf8-cpg-says-1252.zip')));
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(names(result), ['Holdorf', 'Lohne (Oldenburg)', 'Neuenkirchen-Vörden']);
    assert.match(result.stderr, /has a \.cpg that says "1252", but its texts are UTF-8/);
  });
  it('a Windows-1252 .dbf whose .cpg says UTF-8 reads Windows-1252, not "Neuenkirchen-V�rden"', () => {
    const result = build(boundariesOnly(path.join(fixtures, 'cp1252-cpg-says-utf8.zip')));
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(names(result), ['Holdorf', 'Lohne (Oldenburg)', 'Neuenkirchen-Vörden']);
    assert.match(result.stderr, /the \.cpg says UTF-8, but the \.dbf's texts are no valid UTF-8; read as Windows-1252 \("Neuenkirchen-Vörden"\)/);
  });
});

describe('GeoJSON that is no UTF-8', () => {
  it('a GeoJSON saved as Windows-1252 reads "Neuenkirchen-Vörden", with a warning', async () => {
    const { default: iconv } = await import('iconv-lite');
    const text = readFileSync(path.join(sources, 'vechta_gemeinden.geojson'), 'utf8');
    const result = build(boundariesOnly(file('cp1252.geojson', iconv.encode(text, 'windows-1252'))));
    assert.equal(result.code, 0, result.stderr);
    assert.ok(result.atlas.levels[0].areas.some((area) => area.name === 'Neuenkirchen-Vörden'), JSON.stringify(result.atlas.levels[0].areas));
    assert.match(result.stderr, /cp1252\.geojson: the file is no valid UTF-8 \(GeoJSON must be\); read as Windows-1252/);
  });
});

describe('numbers whose separator could be either', () => {
  it('"1.096" in a comma-separated table of counts is an error naming both readings', () => {
    const csv = file('en-counts.csv', ['Key,Name,Einwohner,Kinder unter 3,Geheim', ...VECHTA_ROWS.map(([key, name], i) => `${key},${name},"${i === 2 ? '1.096' : '12,345'}",120,100`)].join('\n'));
    const result = build(withTable(csv, { metadata: countsMetadata }));
    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stderr, /en-counts\.csv, row 4, column "Einwohner": "1\.096" could be 1096 \(German thousands separator\) or 1\.096 \(English decimal point\); .*set "numberFormat": "de" or "en"/);
    assert.equal(result.atlas, undefined);
  });
  it('"1,096" in a semicolon table of shares is an error unless another cell shows the decimal comma', () => {
    const rows = (third) => ['Schlüssel;Gebiet;Anteil unter 15-Jähriger an der Gesamtbevölkerung', ...VECHTA_ROWS.map(([key, name], i) => `${key};${name};${i === 0 ? '1,096' : i === 1 ? third : '17'}`)].join('\n');
    const ambiguous = build(withTable(file('de-shares.csv', rows('18'))));
    assert.equal(ambiguous.code, 1, ambiguous.stderr);
    assert.match(ambiguous.stderr, /de-shares\.csv, row 2, column "Anteil unter 15-Jähriger an der Gesamtbevölkerung": "1,096" could be 1096 \(English thousands separator\) or 1\.096 \(German decimal comma\)/);

    const proved = build(withTable(file('de-shares-proved.csv', rows('16,15'))));
    assert.equal(proved.code, 0, proved.stderr);
    assert.equal(proved.atlas.values[0].values['03460001'], 1.096);

    const declared = build(withTable({ file: file('de-shares-declared.csv', rows('18')), numberFormat: 'de' }));
    assert.equal(declared.code, 0, declared.stderr);
    assert.equal(declared.atlas.values[0].values['03460001'], 1.096);
  });
});

describe('Excel workbooks: what read-excel-file reads as empty', () => {
  it('a formula without stored result and a cell with an Excel error are errors naming sheet and cell', () => {
    const result = build(withTable(path.join(fixtures, 'formulas.xlsx')));
    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stderr, /formulas\.xlsx: sheet "Daten", cell C4: the formula =ROUND\(1580\/9500\*100,2\) has no stored result/);
    assert.match(result.stderr, /formulas\.xlsx: sheet "Daten", cell D7: holds the Excel error #DIV\/0! \(of =D8\/0\)/);
  });
  it('merged cells in the data are an error naming the range', () => {
    const result = build(withTable(path.join(fixtures, 'merged.xlsx')));
    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stderr, /merged\.xlsx: sheet "Daten", cells D5:D6 are merged: only D5 holds the value/);
  });
  it('a hidden first sheet is passed over for the first visible one, with a warning', () => {
    const result = build(withTable(path.join(fixtures, 'hidden-first-sheet.xlsx')));
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /hidden-first-sheet\.xlsx: the first sheet "Alt" is hidden; read the first visible sheet "Daten"/);
    const block = result.atlas.values.find((b) => b.indicator === 'u15-share');
    assert.equal(block.values['03460001'], 17.53);
    assert.equal(block.reference, 16.15);
  });
});

describe('reference rows as the source documents print them', () => {
  const shares = (name, reference) =>
    file(name, ['Schlüssel;Gebiet;Anteil unter 15-Jähriger an der Gesamtbevölkerung', reference, ...VECTHA_SHARES].join('\n'));
  const VECTHA_SHARES = VECHTA_ROWS.map(([key, name], i) => `${key};${name};${(15 + i / 10).toFixed(1).replace('.', ',')} %`);
  for (const [what, row] of [
    ['the label in the key column, the unit in the cell', 'Durchschnitt;;7,7 %'],
    ['"Insgesamt" in the name column', ';Insgesamt;7,7'],
    ['"Landkreis Vechta" in the name column', ';Landkreis Vechta;7,7 %'],
    ['"Summe" as key and name', 'Summe;Summe;7,7'],
  ]) {
    it(`${what}: "${row}" gives the reference 7.7`, () => {
      const result = build(withTable(shares(`reference-${runs}.csv`, row)));
      assert.equal(result.code, 0, result.stderr);
      const block = result.atlas.values[0];
      assert.equal(block.reference, 7.7);
      assert.equal(block.values['03460002'], 15.1);
      assert.doesNotMatch(result.stderr, /matches no area/);
    });
  }
  it('a row without key that is no reference says how to mark the reference row', () => {
    const result = build(withTable(shares('reference-unmarked.csv', ';Kreisgebiet;7,7')));
    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stderr, /reference-unmarked\.csv, row 2, column "Schlüssel": a row without key \("Kreisgebiet"\); only the reference row may have none: mark the reference row by "Durchschnitt", "Summe", "Gesamt" or "Insgesamt" \(or the reference name "Landkreis Vechta"\) in its key or name column, or give it the reference key "03460"/);
  });
  it('a unit that is not the indicator\'s is an error, not dropped', () => {
    const result = build(withTable(shares('reference-unit.csv', 'Durchschnitt;;7,7 €')));
    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stderr, /row 2, column "Anteil unter 15-Jähriger an der Gesamtbevölkerung": the cell "7,7 €" gives the unit "€", but the indicator's unit in the metadata table is "%"/);
  });
  it('a row whose key is the reference key and an area of the level is an error that says how to resolve it', () => {
    const table = file('kreis.csv', 'Schlüssel;Gebiet;Einwohner;Kinder unter 3;Geheim\n03460;Landkreis Vechta;138.500;4.210;1.000\n');
    const result = build({
      atlas: { ...atlas, defaults: { level: 'kreis' } },
      levels: [{ id: 'kreis', title: 'Landkreis', boundaries: path.join(sources, 'kreis_vechta.geojson'), keyField: 'ags', nameField: 'name' }],
      indicators: countsMetadata,
      tables: [{ file: table, level: 'kreis', year: 2013 }],
    });
    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stderr, /kreis\.csv, row 2, column "Schlüssel": key "03460" is the reference key \(atlas\.reference\.key\) and also the key of area 03460 \("Landkreis Vechta"\) of level "kreis".*give the reference its own row without key/);
  });
});

describe('counts and empty tables', () => {
  it('a negative count is an error, a count that is no whole number a warning, each with file, row and column', () => {
    const negative = build(withTable(countsCsv('negative.csv', { u3: (i) => (i === 4 ? '-3' : '120') }), { metadata: countsMetadata }));
    assert.equal(negative.code, 1, negative.stderr);
    assert.match(negative.stderr, /negative\.csv, row 7, column "Kinder unter 3": a count cannot be negative; found "-3"/);

    const fraction = build(withTable(countsCsv('fraction.csv', { u3: (i) => (i === 4 ? '3,4' : '120') }), { metadata: countsMetadata }));
    assert.equal(fraction.code, 0, fraction.stderr);
    assert.match(fraction.stderr, /warning: .*fraction\.csv, row 7, column "Kinder unter 3": a count that is no whole number: 3\.4 \("3,4"\)/);
  });
  it('a table with a header only is an error, not an atlas of missing values', () => {
    const result = build(withTable(countsCsv('header-only.csv', { rows: [], reference: '' }), { metadata: countsMetadata }));
    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stderr, /header-only\.csv, row 1: the table has a header but no data rows/);
  });
  it('a table whose indicator columns are all empty is an error', () => {
    const empty = file('empty.csv', ['Schlüssel;Gebiet;Einwohner;Kinder unter 3', ...VECHTA_ROWS.map(([key, name]) => `${key};${name};;–`)].join('\n'));
    const result = build(withTable(empty, { metadata: countsMetadata }));
    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stderr, /empty\.csv: every indicator column \("Einwohner", "Kinder unter 3"\) is empty in every row/);
  });
});

describe('tables that would build an atlas of nothing, quietly', () => {
  it('a table in which no key matches an area of its level is an error', () => {
    const rows = VECHTA_ROWS.map(([key, ...rest]) => [`9${key}`, ...rest]);
    const result = build(withTable(countsCsv('other-level.csv', { rows }), { metadata: countsMetadata }));
    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stderr, /other-level\.csv, column "Schlüssel": no key matches an area of level "gemeinde" \(e\.g\. "93460001" in row 3\)/);
  });
  it('counts with their unit are read, a column empty in every area row is a warning', () => {
    const result = build(withTable(countsCsv('units.csv', { u3: () => '' , rows: VECHTA_ROWS.map(([key, name, population]) => [key, name, `${population} Personen`]) }), { metadata: countsMetadata }));
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.atlas.values.find((b) => b.indicator === 'population').values['03460001'], 6400);
    assert.match(result.stderr, /warning: .*units\.csv, column "Kinder unter 3": the column is empty in every area row/);
  });
});

describe('geometry: coordinate systems, axes, self-intersections', () => {
  const vechta = JSON.parse(readFileSync(path.join(sources, 'vechta_gemeinden.geojson'), 'utf8'));
  const mapPositions = (geometry, f) => {
    const walk = (value) => (typeof value[0] === 'number' ? f(value) : value.map(walk));
    return { ...geometry, coordinates: walk(geometry.coordinates) };
  };

  it('GeoJSON in metres without "crs" names the likely system and how to fix it, once for the file', () => {
    const result = build(boundariesOnly(path.join(fixtures, 'metres-without-crs.geojson')));
    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stderr, /metres-without-crs\.geojson: the positions \(e\.g\. \[\d+, \d+\]\) are no longitude\/latitude: they look like metres, e\.g\. ETRS89\/UTM 32N \(EPSG:25832\) or 33N \(EPSG:25833\); GeoJSON is WGS84 longitude\/latitude \(RFC 7946\): convert the file .* or add a "crs" member/);
    assert.equal(result.stderr.match(/look like metres/g).length, 1);
  });
  it('a Shapefile in metres whose .prj says WGS84 is an error that blames the .prj', () => {
    const result = build(boundariesOnly(path.join(fixtures, 'metres-prj-says-wgs84.zip')));
    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stderr, /they look like metres, e\.g\. ETRS89\/UTM 32N \(EPSG:25832\) or 33N \(EPSG:25833\), but the \.prj describes longitude\/latitude \(EPSG:4326\); the \.prj is wrong/);
  });
  it('a Shapefile in Gauß-Krüger whose .prj says UTM 32N is an error naming both', () => {
    const result = build(boundariesOnly(path.join(fixtures, 'gauss-krueger-prj-says-utm.zip')));
    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stderr, /the \.prj names EPSG:25832, but the positions \(e\.g\. \[3\d{6}, 5\d{6}\]\) look like DHDN\/Gauß-Krüger zone 3 \(EPSG:31467\)/);
  });
  it('a "crs" member naming metres on longitude/latitude positions is an error', () => {
    const result = build(boundariesOnly(file('crs-utm.geojson', JSON.stringify({ ...vechta, crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::25832' } } }))));
    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stderr, /crs-utm\.geojson: the "crs" member names EPSG:25832 \(metres\), but the positions \(e\.g\. \[8\.\d+, 52\.\d+\]\) look like longitude\/latitude; the "crs" member is wrong: remove the "crs" member/);
  });
  it('a Shapefile without .prj names the system its positions look like', () => {
    const result = build(boundariesOnly(path.join(root, 'test/fixtures/cli/no-prj.zip')));
    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stderr, /the \.prj is missing, so the coordinate system is unknown; the positions look like ETRS89\/UTM 32N \(EPSG:25832\) or 33N \(EPSG:25833\)/);
  });
  it('swapped longitude and latitude are an error, not a map in the Indian Ocean', () => {
    const swapped = { ...vechta, features: vechta.features.map((f) => ({ ...f, geometry: mapPositions(f.geometry, ([x, y]) => [y, x]) })) };
    const result = build(boundariesOnly(file('swapped.geojson', JSON.stringify(swapped))));
    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stderr, /swapped\.geojson: the positions look like latitude\/longitude with the axes swapped \(\[52\.\d+, 8\.\d+\] lies in Europe only as \[8\.\d+, 52\.\d+\]\)/);
  });
  it('an outline that crosses itself is a warning naming the area and the place', () => {
    const features = vechta.features.map((f) => {
      if (f.properties.ags !== '03460001') return f;
      const polygon = f.geometry.type === 'Polygon' ? f.geometry.coordinates : f.geometry.coordinates[0];
      const ring = polygon[0].slice();
      const at = Math.floor(ring.length / 3);
      [ring[at], ring[at * 2]] = [ring[at * 2], ring[at]];
      return { ...f, geometry: { type: 'Polygon', coordinates: [ring, ...polygon.slice(1)] } };
    });
    const result = build(boundariesOnly(file('bowtie.geojson', JSON.stringify({ ...vechta, features }))));
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /warning: .*bowtie\.geojson: area 03460001: the outline crosses itself near \[8\.\d+, 52\.\d+\]/);
    assert.doesNotMatch(result.stderr, /area 0346000[2-9]: the outline crosses/);
  });
  it('POI tables in metres or with longitude and latitude swapped are one error for the file', () => {
    const poi = (name, rows) => ({
      ...boundariesOnly(path.join(sources, 'vechta_gemeinden.geojson')),
      poi: { categories: [{ id: 'kita', title: 'Kitas' }], sources: [{ id: 'kitas', title: 'Kitas', file: file(name, `name;category;x;y\n${rows.join('\n')}\n`) }] },
    });
    const metres = build(poi('kitas-utm.csv', ['Kita A (fiktiv);kita;443210;5843120', 'Kita B (fiktiv);kita;445870;5841990']));
    assert.equal(metres.code, 1, metres.stderr);
    assert.match(metres.stderr, /kitas-utm\.csv, column "x\/y": the positions \(e\.g\. \[443210, 5841990\]\) are no longitude\/latitude: they look like metres, e\.g\. ETRS89\/UTM 32N \(EPSG:25832\)/);
    const swapped = build(poi('kitas-swapped.csv', ['Kita A (fiktiv);kita;52,732;8,295', 'Kita B (fiktiv);kita;52,745;8,156']));
    assert.equal(swapped.code, 1, swapped.stderr);
    assert.match(swapped.stderr, /kitas-swapped\.csv, column "x\/y": the positions look like latitude\/longitude with the axes swapped/);
  });
  it('area keys "__proto__" and "constructor" keep their values end to end', () => {
    const renamed = new Map([['03460001', '__proto__'], ['03460002', 'constructor']]);
    const features = vechta.features.map((f) => ({ ...f, properties: { ...f.properties, ags: renamed.get(f.properties.ags) ?? f.properties.ags } }));
    const boundaries = file('proto.geojson', JSON.stringify({ ...vechta, features }));
    const rows = VECHTA_ROWS.map(([key, ...rest]) => [renamed.get(`0${key}`) ?? key, ...rest]);
    const result = build(withTable(countsCsv('proto.csv', { rows }), { metadata: countsMetadata, level: gemeinden(boundaries) }));
    assert.equal(result.code, 0, result.stderr);
    const population = result.atlas.values.find((b) => b.indicator === 'population');
    assert.ok(Object.hasOwn(population.values, '__proto__'), JSON.stringify(population.values));
    assert.equal(population.values.__proto__, 6400);
    assert.equal(population.values.constructor, 16700);
    assert.ok(result.atlas.levels[0].areas.some((area) => area.key === '__proto__'));
  });
});

describe('names compared with the boundaries', () => {
  it('the demo tables\' names ("Bergen a.d. Dumme, Flecken", "Lohne", "gfG. Gartow") match without a warning', () => {
    for (const config of ['vechta', 'luechow-dannenberg']) {
      const result = spawnSync(process.execPath, [cli, 'build', path.join(sources, `${config}.config.json`), '--out', path.join(work, `demo-${config}`)], { encoding: 'utf8' });
      assert.equal(result.status, 0, result.stderr);
      assert.doesNotMatch(result.stderr, /warning/, result.stderr);
    }
  });
  it('a different name is a warning', () => {
    const rows = VECHTA_ROWS.map((row) => (row[1] === 'Visbek' ? [row[0], 'Visbeck', row[2]] : row));
    const result = build(withTable(countsCsv('typo.csv', { rows }), { metadata: countsMetadata }));
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /warning: .*typo\.csv, row 12, column "Gebiet": names "Visbeck", but the boundaries call area 03460010 "Visbek"/);
  });
  it('shifted rows, where names belong to other areas, are an error', () => {
    const rows = VECHTA_ROWS.map((row, i) => [row[0], VECHTA_ROWS[(i + 1) % VECHTA_ROWS.length][1], row[2]]);
    const result = build(withTable(countsCsv('shifted.csv', { rows }), { metadata: countsMetadata }));
    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stderr, /shifted\.csv, row 3, column "Gebiet": names "Damme", but key 3460001 is "Bakum" in the boundaries; "Damme" is 03460002 — are the rows shifted\?/);
  });
  it('names: "table" shows the tables\' names in the manifest and the FlatGeobuf', async () => {
    const rows = VECHTA_ROWS.map((row) => (row[1] === 'Lohne' ? [row[0], 'Lohne, Stadt', row[2]] : row));
    const result = build(withTable(countsCsv('names.csv', { rows }), { metadata: countsMetadata, level: gemeinden(undefined, { names: 'table' }) }));
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.atlas.levels[0].areas.find((area) => area.key === '03460006').name, 'Lohne, Stadt');
    const features = await readFgb(path.join(result.out, 'gemeinde.fgb'));
    assert.equal(features.find((f) => f.properties.ags === '03460006').properties.name, 'Lohne, Stadt');

    const invalid = build(withTable(countsCsv('names2.csv'), { metadata: countsMetadata, level: gemeinden(undefined, { names: 'tables' }) }));
    assert.equal(invalid.code, 1);
    assert.match(invalid.stderr, /levels\[0\]\.names: expected "boundaries" or "table"/);
  });
});
