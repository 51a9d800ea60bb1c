// The keck-atlas command line, run as a real process on real files.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { deserialize } from 'flatgeobuf/lib/mjs/geojson.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixtures = path.join(root, 'test/fixtures/cli');
const sources = path.join(root, 'demo/sources');
const cli = path.join(root, 'packages/cli/bin/keck-atlas.mjs');
let work;
let validateManifest;

// flatgeobuf logs every R-tree step on console.debug.
console.debug = () => {};

before(async () => {
  execFileSync(process.execPath, [path.join(root, 'packages/cli/scripts/build.mjs')], { stdio: 'inherit' });
  work = mkdtempSync(path.join(tmpdir(), 'keck-cli-test-'));
  const validator = path.join(work, 'validate.mjs');
  await build({ entryPoints: [path.join(root, 'src/contract/validate.ts')], outfile: validator, bundle: true, platform: 'node', format: 'esm', logLevel: 'warning' });
  ({ validateManifest } = await import(pathToFileURL(validator).href));
});
after(() => rmSync(work, { recursive: true, force: true }));

function run(...args) {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: work, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Writes a config into the work dir; file paths in it are absolute. */
function writeConfig(name, config) {
  const file = path.join(work, name);
  writeFileSync(file, JSON.stringify(config, null, 2));
  return file;
}

const vechtaAtlas = {
  id: 'test',
  title: 'Test',
  attribution: [{ text: '© GeoBasis-DE / BKG 2017 (Daten verändert)' }],
  reference: { name: 'Landkreis Vechta', key: '03460' },
  defaults: { level: 'gemeinde' },
  topics: [{ id: 'demography', title: 'Bevölkerung' }],
};
const gemeindeLevel = (boundaries, extra = {}) => ({ id: 'gemeinde', title: 'Gemeinden', boundaries, keyField: 'ags', nameField: 'name', ...extra });

async function readFgb(file, rect) {
  const features = [];
  for await (const feature of deserialize(new Uint8Array(readFileSync(file)), rect ? { rect } : undefined)) features.push(feature);
  return features;
}

function readCsvTable(file) {
  const [header, ...rows] = readFileSync(file, 'utf8').trim().split('\n').map((line) => line.split(';'));
  return { header, rows };
}

const germanNumber = (text) => Number(text.replace(/\./g, '').replace(',', '.'));

describe('keck-atlas build: the demo atlases', () => {
  it('Vechta: the 10 values and the reference of each indicator match the CSV', () => {
    const out = path.join(work, 'vechta');
    const result = run('build', path.join(sources, 'vechta.config.json'), '--out', out);
    assert.equal(result.code, 0, result.stderr);
    const atlas = validateManifest(JSON.parse(readFileSync(path.join(out, 'atlas.json'), 'utf8')), 'atlas.json');
    const { header, rows } = readCsvTable(path.join(sources, 'vechta_gemeinden_2013.csv'));
    const ids = ['u15-share', 'non-german-u15-share'];
    ids.forEach((id, i) => {
      const block = atlas.values.find((b) => b.indicator === id && b.level === 'gemeinde' && b.year === 2013);
      assert.ok(block, `a block for ${id}`);
      const reference = rows.find((row) => row[0] === '');
      assert.equal(block.reference, germanNumber(reference[2 + i]));
      const areaRows = rows.filter((row) => row[0] !== '');
      assert.equal(Object.keys(block.values).length, 10);
      for (const row of areaRows) assert.equal(block.values[row[0].padStart(8, '0')], germanNumber(row[2 + i]), `${id} ${row[1]} (${header[2 + i]})`);
    });
    assert.equal(atlas.values.find((b) => b.indicator === 'u15-share').reference, 16.15);
    assert.equal(atlas.values.find((b) => b.indicator === 'non-german-u15-share').reference, 5.84);
    assert.match(result.stdout, /level gemeinde: 10 areas .*10 with table rows, 0 without; 0 table rows matched no area/);
    // The real 2013 values are all shown; the invented 2019–2023 counts of 0 to 3 (Holdorf, Bakum) are
    // suppressed, with the secondary cells that would give them away and the rates derived from them.
    for (const block of atlas.values.filter((b) => b.year === 2013)) assert.ok(Object.values(block.values).every((v) => typeof v === 'number'), block.indicator);
    for (const block of atlas.values.filter((b) => b.indicator === 'u6-sgb2-fiktiv' && b.level === 'gemeinde')) {
      assert.deepEqual(block.values['03460005'], { suppressed: true }, `Holdorf ${block.year}`);
      assert.ok(Object.values(block.values).filter((v) => typeof v === 'object' && v !== null).length >= 2, `a second cell hidden in ${block.year}`);
    }
    assert.match(result.stdout, /suppressed cells: 20 \(6 primary, 4 secondary/);
  });

  it('Lüchow-Dannenberg keeps "–" as missing and 48.670 as the reference', () => {
    const out = path.join(work, 'ld');
    const result = run('build', path.join(sources, 'luechow-dannenberg.config.json'), '--out', out);
    assert.equal(result.code, 0, result.stderr);
    const atlas = validateManifest(JSON.parse(readFileSync(path.join(out, 'atlas.json'), 'utf8')), 'atlas.json');
    const block = atlas.values.find((b) => b.indicator === 'population');
    assert.equal(block.reference, 48670);
    assert.equal(block.values['03354001'], 1583);
    assert.equal(block.values['03354501'], null);
    assert.equal(block.values['03354502'], null);
    assert.equal(atlas.levels.find((l) => l.id === 'gemeinde').areas.length, 29);
    assert.equal(run('validate', path.join(out, 'atlas.json')).code, 0);
  });

  it('the committed demo atlases validate, geometry included', () => {
    for (const id of ['vechta', 'luechow-dannenberg']) {
      const committed = path.join(root, 'demo/atlas', id, 'atlas.json');
      const atlas = validateManifest(JSON.parse(readFileSync(committed, 'utf8')), committed);
      assert.equal(atlas.id, id);
      assert.deepEqual(atlas.levels.map((l) => l.id), ['kreis', 'gemeinde']);
      const result = run('validate', committed);
      assert.equal(result.code, 0, result.stderr);
    }
  });
});

describe('keck-atlas build: FlatGeobuf with a packed Hilbert R-tree', () => {
  it('a bounding-box read returns exactly the shapes whose boxes meet it, in flatgeobuf and in GDAL', async () => {
    const file = path.join(work, 'vechta', 'gemeinden.fgb');
    const all = await readFgb(file);
    assert.equal(all.length, 10);
    const rect = { minX: 8.1, minY: 52.7, maxX: 8.2, maxY: 52.8 };
    const boxOf = (feature) => {
      const xs = [], ys = [];
      JSON.stringify(feature.geometry.coordinates).match(/-?\d+\.?\d*,-?\d+\.?\d*/g).forEach((pair) => {
        const [x, y] = pair.split(',').map(Number);
        xs.push(x);
        ys.push(y);
      });
      return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
    };
    const expected = all
      .filter((f) => {
        const [a, b, c, d] = boxOf(f);
        return a <= rect.maxX && c >= rect.minX && b <= rect.maxY && d >= rect.minY;
      })
      .map((f) => f.properties.ags)
      .sort();
    const found = (await readFgb(file, rect)).map((f) => f.properties.ags).sort();
    assert.ok(expected.length > 0 && expected.length < 10);
    assert.deepEqual(found, expected);

    const info = execFileSync('ogrinfo', ['-ro', '-so', file, 'gemeinde'], { encoding: 'utf8' });
    assert.match(info, /Feature Count: 10/);
    assert.match(info, /WGS 84/);
    const gdal = execFileSync('ogrinfo', ['-ro', '-q', '-spat', '8.1', '52.7', '8.2', '52.8', file, 'gemeinde'], { encoding: 'utf8' });
    const gdalKeys = [...gdal.matchAll(/ags \(String\) = (\d+)/g)].map((m) => m[1]).sort();
    assert.deepEqual(gdalKeys, expected);
    // GDAL only reports a spatial index it can use.
    const debug = spawnSync('ogrinfo', ['-ro', '-so', '--debug', 'on', file, 'gemeinde'], { encoding: 'utf8' });
    assert.doesNotMatch(debug.stderr, /No spatial index/i);
  });
});

describe('keck-atlas build: simplification', () => {
  it('keeps shared borders shared: neighbours drop and keep the same border vertices', async () => {
    const build = async (simplify) => {
      const out = path.join(work, `vechta-simplify-${simplify}`);
      const config = writeConfig(`simplify-${simplify}.config.json`, {
        atlas: vechtaAtlas,
        levels: [gemeindeLevel(path.join(sources, 'vechta_gemeinden.geojson'), { output: 'gemeinden.fgb' })],
        indicators: path.join(sources, 'vechta.indicators.csv'),
        tables: [],
        options: { simplify },
      });
      const result = run('build', config, '--out', out, '--quiet');
      assert.equal(result.code, 0, result.stderr);
      return new Map((await readFgb(path.join(out, 'gemeinden.fgb'))).map((f) => [f.properties.ags, f.geometry]));
    };
    const vertices = (geometry) => new Set(geometry.coordinates.flat(geometry.type === 'Polygon' ? 1 : 2).map(([x, y]) => `${x},${y}`));
    const original = await build(0);
    const simplified = await build(25);
    const keys = [...original.keys()].sort();
    let neighbours = 0;
    for (const a of keys) {
      for (const b of keys.filter((key) => key > a)) {
        const [originalA, originalB] = [vertices(original.get(a)), vertices(original.get(b))];
        const border = [...originalA].filter((vertex) => originalB.has(vertex));
        if (border.length < 10) continue;
        neighbours++;
        const [simplifiedA, simplifiedB] = [vertices(simplified.get(a)), vertices(simplified.get(b))];
        const keptByA = border.filter((vertex) => simplifiedA.has(vertex));
        const keptByB = border.filter((vertex) => simplifiedB.has(vertex));
        assert.deepEqual(keptByA, keptByB, `${a} and ${b} keep different vertices of their common border`);
        assert.ok(keptByA.length < border.length, `the border of ${a} and ${b} was simplified`);
      }
    }
    assert.ok(neighbours >= 15, `found ${neighbours} pairs of neighbours`);
    const count = (shapes) => [...shapes.values()].reduce((sum, geometry) => sum + vertices(geometry).size, 0);
    assert.ok(count(simplified) < 0.8 * count(original), `${count(simplified)} of ${count(original)} vertices left`);
  });
});

describe('keck-atlas build: Shapefiles', () => {
  async function roundTripError(boundaries, out) {
    const config = writeConfig(`${path.basename(out)}.json`, {
      atlas: vechtaAtlas,
      levels: [gemeindeLevel(boundaries)],
      indicators: path.join(fixtures, 'counts.indicators.csv'),
      tables: [],
    });
    const result = run('build', config, '--out', out);
    assert.equal(result.code, 0, result.stderr);
    const original = JSON.parse(readFileSync(path.join(sources, 'vechta_gemeinden.geojson'), 'utf8'));
    const built = await readFgb(path.join(out, 'gemeinde.fgb'));
    assert.deepEqual(built.map((f) => f.properties.ags).sort(), ['03460001', '03460002', '03460003']);
    let worst = 0;
    for (const feature of built) {
      const source = original.features.find((f) => f.properties.ags === feature.properties.ags);
      const flat = (g) => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates).flat(2);
      const a = flat(feature.geometry);
      const b = flat(source.geometry);
      assert.equal(a.length, b.length);
      a.forEach(([x, y], i) => {
        const dx = (x - b[i][0]) * 111320 * Math.cos((y * Math.PI) / 180);
        const dy = (y - b[i][1]) * 110540;
        worst = Math.max(worst, Math.hypot(dx, dy));
      });
    }
    return worst;
  }

  it('a zipped Shapefile in EPSG:25832 round-trips to WGS84 within 1 m', async () => {
    const worst = await roundTripError(path.join(fixtures, 'vechta3_25832.zip'), path.join(work, 'shp-zip'));
    assert.ok(worst < 1, `largest deviation ${worst.toFixed(3)} m`);
  });

  it('a loose .shp with .dbf and .prj beside it works the same', async () => {
    const worst = await roundTripError(path.join(fixtures, 'loose/vechta3_25832.shp'), path.join(work, 'shp-loose'));
    assert.ok(worst < 1, `largest deviation ${worst.toFixed(3)} m`);
  });
});

describe('keck-atlas build: tables, suppression, public and internal builds', () => {
  const countsConfig = () =>
    writeConfig('counts.json', {
      '//': 'comment keys are ignored',
      atlas: { ...vechtaAtlas, privacy: { minPopulation: 50 }, defaults: { level: 'gemeinde', indicator: 'population' } },
      levels: [gemeindeLevel(path.join(sources, 'vechta_gemeinden.geojson'))],
      indicators: path.join(fixtures, 'counts.indicators.csv'),
      tables: [{ file: path.join(fixtures, 'counts_2013_cp1252.csv'), level: 'gemeinde', year: 2013 }],
      populationIndicator: 'u3',
    });

  it('reads a Windows-1252 table, suppresses small counts, reports them and leaves unpublished indicators out', () => {
    const out = path.join(work, 'counts-public');
    const result = run('build', countsConfig(), '--out', out);
    assert.equal(result.code, 0, result.stderr);
    const atlas = validateManifest(JSON.parse(readFileSync(path.join(out, 'atlas.json'), 'utf8')), 'atlas.json');
    assert.equal(atlas.build, 'public');
    assert.deepEqual(atlas.indicators.map((i) => i.id), ['population', 'u3']);
    assert.ok(!atlas.values.some((b) => b.indicator === 'secret'));
    const u3 = atlas.values.find((b) => b.indicator === 'u3');
    assert.deepEqual(u3.values['03460002'], { suppressed: true }, 'the count 2 is suppressed');
    assert.deepEqual(u3.values['03460005'], { suppressed: true }, '"k. A." is suppressed');
    assert.equal(u3.values['03460010'], null, '"–" is missing');
    assert.equal(u3.values['03460001'], 180);
    const population = atlas.values.find((b) => b.indicator === 'population');
    assert.equal(population.values['03460001'], 6400);
    assert.equal(population.reference, 138500);

    // The disclosure report lands beside the config (atlas id "test"), never in the output folder.
    assert.ok(!existsSync(path.join(out, 'suppression-report.csv')));
    const reportFile = path.join(work, 'test.suppression-report.csv');
    assert.match(result.stdout, new RegExp(`disclosure report .*: ${reportFile.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    const report = readFileSync(reportFile, 'utf8').trim().split('\n').filter((line) => !line.startsWith('#'));
    assert.equal(report[0], 'rule;indicator;level;year;area;reason');
    assert.ok(report.some((line) => line.startsWith('primary;u3;gemeinde;2013;03460002;')), report.join('\n'));
    assert.ok(report.some((line) => /^secondary|^complementary/.test(line)), 'one more cell is hidden beside the small count');
    assert.match(result.stdout, new RegExp(`suppressed cells: ${report.length - 1} \\(`));
    assert.match(result.stdout, /not published, left out: secret/);
    assert.match(result.stdout, /1 table rows matched no area/);
    assert.match(result.stderr, /row 13: key "3460099" \(Gibt es nicht\) matches no area/);
    assert.match(result.stderr, /area 03460007 \(Neuenkirchen-Vörden, gemeinde 2013\): population 40 is below minPopulation 50/);
  });

  it('--internal writes unpublished indicators too, marked as an internal build', () => {
    const out = path.join(work, 'counts-internal');
    const result = run('build', countsConfig(), '--out', out, '--internal');
    assert.equal(result.code, 0, result.stderr);
    const atlas = validateManifest(JSON.parse(readFileSync(path.join(out, 'atlas.json'), 'utf8')), 'atlas.json');
    assert.equal(atlas.build, 'internal');
    assert.deepEqual(atlas.indicators.map((i) => i.id), ['population', 'u3', 'secret']);
    assert.equal(atlas.indicators.find((i) => i.id === 'secret').published, false);
  });

  it('reads the same table from XLSX', () => {
    const out = path.join(work, 'xlsx');
    const config = writeConfig('xlsx.json', {
      atlas: vechtaAtlas,
      levels: [gemeindeLevel(path.join(sources, 'vechta_gemeinden.geojson'))],
      indicators: path.join(sources, 'vechta.indicators.csv'),
      tables: [{ file: path.join(fixtures, 'vechta_gemeinden_2013.xlsx'), level: 'gemeinde', year: 2013 }],
    });
    const result = run('build', config, '--out', out);
    assert.equal(result.code, 0, result.stderr);
    const atlas = JSON.parse(readFileSync(path.join(out, 'atlas.json'), 'utf8'));
    const block = atlas.values.find((b) => b.indicator === 'u15-share');
    assert.equal(block.reference, 16.15);
    assert.equal(block.values['03460001'], 17.53);
    assert.equal(Object.keys(block.values).length, 10);
  });
});

describe('keck-atlas build: points of interest', () => {
  it('a CSV with German coordinates becomes an indexed FlatGeobuf POI source', async () => {
    const out = path.join(work, 'poi');
    const config = writeConfig('poi.json', {
      atlas: vechtaAtlas,
      levels: [gemeindeLevel(path.join(sources, 'vechta_gemeinden.geojson'))],
      indicators: path.join(fixtures, 'counts.indicators.csv'),
      tables: [],
      poi: {
        categories: [{ id: 'kita', title: 'Kitas' }, { id: 'playground', title: 'Spielplätze' }],
        sources: [{ id: 'places', title: 'Orte', file: path.join(fixtures, 'kitas-fictional.csv'), fictional: true }],
      },
    });
    const result = run('build', config, '--out', out);
    assert.equal(result.code, 0, result.stderr);
    const atlas = validateManifest(JSON.parse(readFileSync(path.join(out, 'atlas.json'), 'utf8')), 'atlas.json');
    assert.deepEqual(atlas.poiSources, [{ id: 'places', title: 'Orte', url: 'poi-places.fgb', format: 'flatgeobuf', fictional: true }]);
    const near = await readFgb(path.join(out, 'poi-places.fgb'), { minX: 8.29, minY: 52.73, maxX: 8.3, maxY: 52.74 });
    assert.deepEqual(near.map((f) => [f.properties.name, f.properties.capacity, f.geometry.coordinates]), [['Kita Sonnenschein (fiktiv)', '75', [8.295, 52.732]]]);
    assert.match(result.stdout, /POI source places: 2 points/);
  });
});

describe('keck-atlas: errors and exit codes', () => {
  const ldTableConfig = (name, table) =>
    writeConfig(name, {
      atlas: { ...vechtaAtlas, reference: { name: 'Landkreis Lüchow-Dannenberg', key: '03354' } },
      levels: [gemeindeLevel(path.join(sources, 'luechow_dannenberg_gemeinden.geojson'))],
      indicators: path.join(sources, 'luechow-dannenberg.indicators.csv'),
      tables: [{ file: table, level: 'gemeinde', year: 2013 }],
    });
  const boundaryConfig = (name, boundaries) =>
    writeConfig(name, { atlas: vechtaAtlas, levels: [gemeindeLevel(boundaries)], indicators: path.join(fixtures, 'counts.indicators.csv'), tables: [] });

  const cases = [
    ['an unknown column', () => ldTableConfig('unknown.json', path.join(fixtures, 'bad-unknown-column.csv')), /bad-unknown-column\.csv, row 1, column "Bemerkung": unknown column/],
    ['a duplicate key', () => ldTableConfig('duplicate.json', path.join(fixtures, 'bad-duplicate-key.csv')), /bad-duplicate-key\.csv, row 4, column "Schlüssel": duplicate key "03354001" \(area 03354001, first in row 3\)/],
    ['text in a number column', () => ldTableConfig('text.json', path.join(fixtures, 'bad-text-in-number.csv')), /bad-text-in-number\.csv, row 4, column "Anzahl Einwohner": expected a number .* found "zweitausend"/],
    ['a broken zip', () => boundaryConfig('broken.json', path.join(fixtures, 'broken.zip')), /broken\.zip: broken zip archive/],
    ['a Shapefile without .prj', () => boundaryConfig('noprj.json', path.join(fixtures, 'no-prj.zip')), /no-prj\.zip: vechta3_25832\.shp in no-prj\.zip: the \.prj is missing/],
  ];
  for (const [what, config, message] of cases) {
    it(`${what}: exit 1, the message names file, row and column, nothing is written`, () => {
      const out = path.join(work, `bad-${path.basename(config())}`);
      const result = run('build', config(), '--out', out);
      assert.equal(result.code, 1, result.stderr);
      assert.match(result.stderr, message);
      assert.equal(existsSync(out), false);
    });
  }

  it('usage errors exit with 2', () => {
    assert.equal(run().code, 2);
    assert.equal(run('frobnicate').code, 2);
    assert.equal(run('build').code, 2);
    assert.equal(run('build', 'a.json', '--colour').code, 2);
    assert.equal(run('validate').code, 2);
  });

  it('validate reports a broken manifest with file and path, exit 1', () => {
    const dir = path.join(work, 'broken-atlas');
    cpSync(path.join(root, 'demo/atlas/vechta'), dir, { recursive: true });
    const manifest = JSON.parse(readFileSync(path.join(dir, 'atlas.json'), 'utf8'));
    manifest.levels[1].areas.pop();
    writeFileSync(path.join(dir, 'atlas.json'), JSON.stringify(manifest));
    let result = run('validate', path.join(dir, 'atlas.json'));
    assert.equal(result.code, 1);
    assert.match(result.stderr, /atlas\.json: \$\.values\[0\]\.values\["03460010"\]: expected a key of an area/);
    for (const block of manifest.values) delete block.values['03460010'];
    writeFileSync(path.join(dir, 'atlas.json'), JSON.stringify(manifest));
    result = run('validate', path.join(dir, 'atlas.json'));
    assert.equal(result.code, 1);
    assert.match(result.stderr, /gemeinden\.fgb: feature \d+\.properties\.ags: expected the key of an area of level "gemeinde", found the string "03460010"/);
  });
});

describe('keck-atlas init', () => {
  it('writes a commented starter config and refuses to overwrite it', () => {
    const file = path.join(work, 'starter.json');
    assert.equal(run('init', file).code, 0);
    const config = JSON.parse(readFileSync(file, 'utf8'));
    assert.equal(typeof config['//'], 'string');
    assert.ok(Array.isArray(config.levels) && config.levels.length > 0);
    assert.equal(typeof config.indicators, 'string');
    assert.equal(run('init', file).code, 2);
  });
});
