// What `keck-atlas build` publishes, and what it says when the input is wrong: real CLI
// processes on real files. The disclosure report never lands in the output folder; metadata
// cannot switch protection off; every message names the place the office can fix.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixtures = path.join(root, 'test/fixtures/cli');
const publish = path.join(fixtures, 'publish');
const sources = path.join(root, 'demo/sources');
const cli = path.join(root, 'packages/cli/bin/keck-atlas.mjs');
let work;

before(() => {
  execFileSync(process.execPath, [path.join(root, 'packages/cli/scripts/build.mjs')], { stdio: 'inherit' });
  work = mkdtempSync(path.join(tmpdir(), 'keck-cli-publish-'));
});
after(() => rmSync(work, { recursive: true, force: true }));

function run(...args) {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: work, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Writes a file into its own folder of the work dir and returns its path. */
function write(folder, name, content) {
  const dir = path.join(work, folder);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return file;
}

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const noStackTrace = (stderr) => assert.doesNotMatch(stderr, /^\s+at |node:internal|Node\.js v/m, stderr);

/** Every file under a folder, with its path relative to it. */
function filesIn(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const file = path.join(entry.parentPath ?? entry.path, entry.name);
      return { name: path.relative(dir, file), bytes: readFileSync(file) };
    });
}

const atlas = (extra = {}) => ({
  id: 'kinder',
  title: 'Test',
  attribution: [{ text: '© GeoBasis-DE / BKG 2017 (Daten verändert)' }],
  reference: { name: 'Landkreis Vechta', key: '03460' },
  defaults: { level: 'gemeinde', indicator: 'u3', year: 2013 },
  topics: [{ id: 'demography', title: 'Bevölkerung' }],
  ...extra,
});
const levels = [
  { id: 'kreis', title: 'Landkreis', boundaries: path.join(sources, 'kreis_vechta.geojson'), keyField: 'ags', nameField: 'name' },
  { id: 'gemeinde', title: 'Gemeinden', parent: 'kreis', boundaries: path.join(sources, 'vechta_gemeinden.geojson'), keyField: 'ags', nameField: 'name', parentField: 'kreis' },
];
const tables = [{ file: path.join(publish, 'counts_2013.csv'), level: 'gemeinde', year: 2013 }];
const poi = {
  categories: [{ id: 'kita', title: 'Kitas' }, { id: 'playground', title: 'Spielplätze' }],
  sources: [{ id: 'places', title: 'Orte', file: path.join(fixtures, 'kitas-fictional.csv'), fictional: true }],
};
const bookmarks = [
  { id: 'small-children', title: 'Wo leben kleine Kinder?', text: 'Viele Kinder unter 3 leben in Lohne.', level: 'gemeinde', year: 2013, indicator: 'u3', areas: ['03460006'] },
  { id: 'help-map', title: 'Karte der Jugendhilfefälle', text: 'Die Fälle sind im Süden häufig.', indicator: 'hze' },
  { id: 'help-text', title: 'Jugendhilfe im Überblick', text: 'Die Hilfen zur Erziehung intern sind im Norden hoch.' },
  { id: 'lost-area', title: 'Ein Gebiet, das es nicht gibt', text: 'Dieser Text bleibt draußen.', indicator: 'u3', areas: ['03460999'] },
  { id: 'lost-level', title: 'Ortsteile, die es nicht gibt', text: 'Auch dieser Text bleibt draußen.', level: 'ortsteil' },
];
const publishConfig = (folder, extra = {}) =>
  write(folder, 'kinder.config.json', { atlas: atlas(), levels, indicators: path.join(publish, 'publish.indicators.csv'), tables, poi, bookmarks, ...extra });

/** What a reader of the published folder must never find. */
const REPORT_WORDS = ['suppression-report', 'rule;indicator', 'disclosure', 'reason', 'primary', 'secondary', 'complement', 'derived', 'count in the range', 'only other cell', 'in the source data'];
const UNPUBLISHED = ['Hilfen zur Erziehung intern', 'Nur für die Jugendhilfeplanung', 'HzE', ...['7331', '7343', '7349', '7351', '7369', '7393', '7411', '7417', '58969'].map((value) => new RegExp(`(?<![\\d.])${value}(?![\\d])`))];
const DROPPED_BOOKMARKS = ['Karte der Jugendhilfefälle', 'Jugendhilfe im Überblick', 'Ein Gebiet, das es nicht gibt', 'Ortsteile, die es nicht gibt'];

function scanFolder(out, forbidden, { unpublished }) {
  const files = filesIn(out);
  assert.ok(files.length >= 4, files.map((f) => f.name).join(', '));
  for (const { name, bytes } of files) {
    assert.doesNotMatch(name, /report|suppress/i, `a report-like file ${name} in the output folder`);
    for (const text of [bytes.toString('utf8'), bytes.toString('latin1')]) {
      for (const word of forbidden) {
        if (typeof word === 'string') assert.ok(!text.toLowerCase().includes(word.toLowerCase()), `${name} contains "${word}"`);
        else assert.doesNotMatch(text, word, `${name} contains ${word}`);
      }
      if (unpublished) assert.doesNotMatch(text, /(?<![\w-])hze(?![\w-])/, `${name} names the unpublished indicator`);
    }
  }
  return files;
}

describe('a build publishes nothing that reveals suppression', () => {
  it('public build: no report, no reason, nothing unpublished in any file of the output folder (fgb included); the report lies beside the config', () => {
    const config = publishConfig('public');
    const out = path.join(work, 'public', 'site', 'atlas');
    const result = run('build', config, '--out', out);
    assert.equal(result.code, 0, result.stderr);
    const files = scanFolder(out, [...REPORT_WORDS, ...UNPUBLISHED, ...DROPPED_BOOKMARKS], { unpublished: true });
    assert.deepEqual(files.map((f) => f.name).sort(), ['atlas.json', 'gemeinde.fgb', 'kreis.fgb', 'poi-places.fgb']);

    const manifest = JSON.parse(readFileSync(path.join(out, 'atlas.json'), 'utf8'));
    assert.deepEqual(manifest.indicators.map((i) => i.id), ['population', 'u3', 'care-rate', 'u3-share']);
    assert.deepEqual(manifest.bookmarks.map((b) => b.id), ['small-children']);
    const u3 = manifest.values.find((b) => b.indicator === 'u3');
    assert.deepEqual(u3.values['03460002'], { suppressed: true });
    const care = manifest.values.find((b) => b.indicator === 'care-rate');
    assert.deepEqual(care.values['03460007'], { suppressed: true }, 'the rate of a hidden unpublished count is hidden');

    const reportFile = path.join(work, 'public', 'kinder.suppression-report.csv');
    assert.match(result.stdout, new RegExp(`disclosure report .*: ${escape(reportFile)}\\n`));
    const report = readFileSync(reportFile, 'utf8');
    const rows = report.split('\n').filter((line) => line && !line.startsWith('#'));
    assert.equal(rows[0], 'rule;indicator;level;year;area;reason');
    assert.ok(rows.some((row) => row.startsWith('primary;u3;gemeinde;2013;03460002;')), report);
    assert.ok(rows.some((row) => row.startsWith('derived;care-rate;gemeinde;2013;03460007;') && row.includes('an unpublished indicator')), report);
    assert.ok(rows.slice(1).every((row) => !row.split(';')[1].startsWith('hze')), 'cells of the unpublished count are not listed');
    assert.doesNotMatch(report, /(?<![\w-])hze(?![\w-])|Hilfen zur Erziehung/, 'no reason names the unpublished indicator');
    assert.match(report, /^# .*never publish/im);

    for (const [key, id] of [['bookmarks[1].indicator', 'help-map'], ['bookmarks[2].text', 'help-text'], ['bookmarks[3].areas[0]', 'lost-area'], ['bookmarks[4].level', 'lost-level']]) {
      assert.match(result.stderr, new RegExp(`kinder\\.config\\.json: ${escape(key)}: .*the bookmark "${id}" is left out of this public build`));
    }
  });

  it('internal build: unpublished indicators are in, but still no report and no reason in the output folder', () => {
    const config = publishConfig('internal');
    const out = path.join(work, 'internal', 'atlas');
    const result = run('build', config, '--out', out, '--internal');
    assert.equal(result.code, 0, result.stderr);
    scanFolder(out, [...REPORT_WORDS, 'Ein Gebiet, das es nicht gibt'], { unpublished: false });
    const manifest = JSON.parse(readFileSync(path.join(out, 'atlas.json'), 'utf8'));
    assert.ok(manifest.indicators.some((i) => i.id === 'hze'));
    assert.deepEqual(manifest.bookmarks.map((b) => b.id), ['small-children', 'help-map', 'help-text']);
    const report = readFileSync(path.join(work, 'internal', 'kinder.suppression-report.csv'), 'utf8');
    assert.match(report, /^primary;hze;gemeinde;2013;03460002;/m);
  });

  it('refuses a report inside the output folder, given or by default; nothing is written', () => {
    const config = publishConfig('inside');
    const out = path.join(work, 'inside', 'atlas');
    let result = run('build', config, '--out', out, '--report', path.join(out, 'private', 'report.csv'));
    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stderr, /report\.csv: the disclosure report would be written inside the output folder .*atlas, which is published/);
    assert.equal(existsSync(out), false);
    // By default the report lies beside the config: building into the config's folder would put it inside.
    result = run('build', config, '--out', path.join(work, 'inside'));
    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stderr, /kinder\.suppression-report\.csv: .* --report <file>/);
    assert.deepEqual(readdirSync(path.join(work, 'inside')), ['kinder.config.json']);
  });

  it('a rebuild removes the report an older version left in the output folder', () => {
    const config = publishConfig('rebuild');
    const out = path.join(work, 'rebuild', 'atlas');
    write('rebuild/atlas', 'suppression-report.csv', 'rule;indicator;level;year;area;reason\nprimary;u3;gemeinde;2013;03460002;count in the range 0–3\n');
    const result = run('build', config, '--out', out, '--quiet');
    assert.equal(result.code, 0, result.stderr);
    assert.equal(existsSync(path.join(out, 'suppression-report.csv')), false);
    assert.match(result.stderr, /removed .*suppression-report\.csv/);
  });

  it('the demo atlases hold no report, and a report beside a config is never committed', () => {
    for (const id of readdirSync(path.join(root, 'demo/atlas'))) {
      assert.deepEqual(readdirSync(path.join(root, 'demo/atlas', id)).filter((name) => /report|suppress/i.test(name)), [], `demo/atlas/${id}`);
    }
    for (const file of ['demo/sources/vechta.suppression-report.csv', 'demo/atlas/vechta/suppression-report.csv']) {
      assert.equal(spawnSync('git', ['check-ignore', '-q', file], { cwd: root }).status, 0, `${file} is ignored by git`);
    }
    // npm run demo serves demo/, dist/ and docs/: the demo builds write their reports elsewhere.
    const script = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).scripts['build-demo-data'];
    const builds = script.split('&&').filter((command) => command.includes(' build '));
    assert.equal(builds.length, 2);
    for (const command of builds) {
      const report = /--report (\S+)/.exec(command)?.[1];
      assert.ok(report && !/^(demo|dist|docs)\//.test(report), command);
      assert.equal(spawnSync('git', ['check-ignore', '-q', report], { cwd: root }).status, 0, `${report} is ignored by git`);
    }
  });
});

/** The publish fixture's metadata with one row changed (by id) or columns added. */
function metadataWith(folder, change) {
  const [header, ...rows] = readFileSync(path.join(publish, 'publish.indicators.csv'), 'utf8').trim().split('\n');
  const table = change({ header: header.split(';'), rows: rows.map((row) => row.split(';')) });
  const width = table.header.length;
  const text = [table.header, ...table.rows].map((cells) => [...cells, ...Array(width - cells.length).fill('')].join(';')).join('\n');
  return write(folder, 'indicators.csv', `${text}\n`);
}
const setCell = (table, id, column, value) => {
  let at = table.header.indexOf(column);
  if (at < 0) {
    table.header.push(column);
    at = table.header.length - 1;
  }
  table.rows.find((row) => row[1] === id)[at] = value;
  return table;
};

describe('metadata cannot switch protection off', () => {
  const build = (name, change, extra = {}) => {
    const indicators = metadataWith(name, change);
    const config = write(name, 'kinder.config.json', { atlas: atlas(extra.atlas), levels, indicators, tables: extra.tables ?? tables });
    const out = path.join(work, name, 'atlas');
    return { result: run('build', config, '--out', out, '--quiet'), out };
  };
  const cases = [
    ['a numerator with a typo', (t) => setCell(t, 'care-rate', 'numerator', 'hzee'), /indicators\.csv, row 5, column "numerator": "hzee" is no indicator id of this table \(did you mean "hze"\?\)/],
    ['a numerator naming a rate', (t) => setCell(t, 'u3-share', 'numerator', 'care-rate'), /row 6, column "numerator": "care-rate" is a rate \(row 5\); expected the id of a count/],
    ['a rate without numerator and denominator', (t) => setCell(setCell(t, 'care-rate', 'numerator', ''), 'care-rate', 'denominator', ''), /row 5, column "numerator": a rate needs the ids of its counts .* write "ja" in a column "without_counts"/],
    ['a share with only a denominator', (t) => setCell(t, 'u3-share', 'numerator', ''), /row 6, column "numerator": a share needs the ids of its counts/],
    ['parts naming an unknown count', (t) => setCell(t, 'population', 'parts', 'u3 + kinder'), /row 2, column "parts": "kinder" is no indicator id of this table/],
    ['a change of a share', (t) => setCell(t, 'u3', 'change_of', 'u3-share'), /row 3, column "change_of": "u3-share" is a share \(row 6\); expected the id of a count/],
    ['without counts and a numerator at once', (t) => setCell(t, 'care-rate', 'without_counts', 'ja'), /row 5, column "without_counts": says the rate has no counts, but column "numerator" names one/],
    ['a share without counts under minDenominator', (t) => setCell(setCell(setCell(t, 'care-rate', 'numerator', ''), 'care-rate', 'denominator', ''), 'care-rate', 'without_counts', 'ja'), /row 5, column "without_counts": "care-rate" has no counts, so it cannot be hidden where its denominator is below atlas\.privacy\.minDenominator \(20\)/, { atlas: { privacy: { minDenominator: 20 } } }],
  ];
  for (const [what, change, message, extra] of cases) {
    it(`${what}: exit 1, metadata file, row and column named, nothing written`, () => {
      const { result, out } = build(`meta-${what.replace(/\W+/g, '-')}`, change, extra);
      assert.equal(result.code, 1, result.stderr);
      assert.match(result.stderr, message);
      assert.doesNotMatch(result.stderr, /atlas\.json/);
      assert.equal(existsSync(out), false);
    });
  }

  it('a count that has no values where its rate has them: the rate\'s row and column are named (checked after the tables)', () => {
    const table = readFileSync(path.join(publish, 'counts_2013.csv'), 'utf8').split('\n').map((line) => line.split(';').filter((_, i) => i !== 4).join(';')).join('\n');
    const file = write('meta-coverage', 'counts_2013.csv', table);
    const { result } = build('meta-coverage', (t) => t, { tables: [{ file, level: 'gemeinde', year: 2013 }] });
    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stderr, /indicators\.csv, row 5, column "numerator": "hze" has no values for gemeinde 2013, where "care-rate" has \(it is in no table\)/);
  });

  it('German headers "Zähler", "Nenner", "Teile", "Veränderung von", "ohne_zählwerte" reach the manifest; a public build drops relations to unpublished counts', () => {
    const population = [6400, 16700, 13000, 9300, 7000, 26000, 8500, 10000, 31600, 10000];
    const u3 = [180, 2, 400, 260, 210, 800, 40, 300, 900, 310];
    const rows = readFileSync(path.join(publish, 'counts_2013.csv'), 'utf8').trim().split('\n');
    const rest = [138500 - 3402, ...population.map((p, i) => p - u3[i])];
    const file = write('meta-german', 'counts_2013.csv', rows.map((row, i) => `${row};${i === 0 ? 'Ohne Kleinkinder;Fallveränderung' : `${rest[i - 1]};12`}`).join('\n'));
    const { result, out } = build('meta-german', (t) => {
      t.header = t.header.map((name) => ({ numerator: 'Zähler', denominator: 'Nenner' })[name] ?? name);
      t.rows.push(['Ohne Kleinkinder', 'older', 'Einwohner ab 3 Jahren', 'Personen', '0', 'count', 'demography', 'Rest.', 'Testdaten', 'nein']);
      t.rows.push(['Fallveränderung', 'hze-change', 'Veränderung der Fälle', 'Fälle', '0', 'other', 'demography', 'Zum Vorjahr.', 'Testdaten', 'ja']);
      setCell(t, 'population', 'Teile', 'u3 + older');
      setCell(t, 'hze-change', 'Veränderung von', 'hze');
      setCell(setCell(setCell(t, 'u3-share', 'Zähler', ''), 'u3-share', 'Nenner', ''), 'u3-share', 'ohne_zählwerte', 'ja');
      return t;
    }, { tables: [{ file, level: 'gemeinde', year: 2013 }] });
    assert.equal(result.code, 0, result.stderr);
    const byId = new Map(JSON.parse(readFileSync(path.join(out, 'atlas.json'), 'utf8')).indicators.map((indicator) => [indicator.id, indicator]));
    assert.equal(byId.get('u3-share').withoutCounts, true);
    assert.equal(byId.get('u3-share').numerator, undefined);
    assert.equal(byId.get('population').parts, undefined, 'parts naming an unpublished count are not written');
    assert.equal(byId.get('hze-change').changeOf, undefined, 'changeOf naming an unpublished count is not written');
    const config = path.join(work, 'meta-german', 'kinder.config.json');
    const internal = run('build', config, '--out', path.join(work, 'meta-german', 'internal'), '--internal', '--report', path.join(work, 'meta-german', 'internal.csv'), '--quiet');
    assert.equal(internal.code, 0, internal.stderr);
    const all = new Map(JSON.parse(readFileSync(path.join(work, 'meta-german', 'internal', 'atlas.json'), 'utf8')).indicators.map((indicator) => [indicator.id, indicator]));
    assert.deepEqual(all.get('population').parts, ['u3', 'older']);
    assert.equal(all.get('hze-change').changeOf, 'hze');
  });
});

describe('messages name the place the office can fix', () => {
  it('mistakes in config, metadata and tables are reported together, each at its config key or table cell', () => {
    const indicators = metadataWith('all-at-once', (t) => setCell(t, 'u3', 'topic', 'demografie'));
    const bad = write('all-at-once', 'bad.csv', 'Schlüssel;Gebiet;Einwohner\n3460001;Bakum;zweitausend\n');
    const config = write('all-at-once', 'kinder.config.json', {
      atlas: atlas({ defaults: { level: 'gemeinde', indicator: 'u3_share', year: 2013 }, privacy: { threshold: 2 } }),
      levels,
      indicators,
      tables: [...tables, { file: bad, level: 'gemeinde', year: 2014 }, { file: bad, level: 'ortsteil', year: 2013 }],
      bookmarks: [{ id: 'b', title: 'B', text: 'T', indikator: 'u3' }],
    });
    const result = run('build', config, '--out', path.join(work, 'all-at-once', 'atlas'));
    assert.equal(result.code, 1, result.stderr);
    const expected = [
      /kinder\.config\.json: atlas\.privacy\.threshold: expected a whole number of 3 or more .* found the number 2/,
      /kinder\.config\.json: tables\[2\]\.level: "ortsteil" is no level of the config/,
      /indicators\.csv, row 3, column "topic": "demografie" is no topic of atlas\.topics in .*kinder\.config\.json \(did you mean "demography"\?\)/,
      /bad\.csv, row 2, column "Einwohner": expected a number/,
      /kinder\.config\.json: atlas\.defaults\.indicator: "u3_share" is no indicator id of indicators\.csv \(did you mean "u3-share"\?\)/,
    ];
    for (const message of expected) assert.match(result.stderr, message);
    assert.doesNotMatch(result.stderr, /atlas\.json|\$\./);
  });

  it('a schema mistake in a copied config part names the config key, not atlas.json', () => {
    const config = write('schema', 'kinder.config.json', { atlas: atlas(), levels, indicators: path.join(publish, 'publish.indicators.csv'), tables, bookmarks: [{ id: 'b', title: 'B', text: 'T', element: 'karte' }] });
    const result = run('build', config, '--out', path.join(work, 'schema', 'atlas'));
    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stderr, /kinder\.config\.json: bookmarks\[0\]\.element: expected one of "map", "table", "chart", "area-report", found the string "karte"/);
    assert.doesNotMatch(result.stderr, /atlas\.json/);
  });

  it('nothing published says so, instead of a missing default year', () => {
    const indicators = metadataWith('none-published', (t) => {
      t.rows.forEach((row) => (row[9] = 'nein'));
      return t;
    });
    const config = write('none-published', 'kinder.config.json', { atlas: atlas(), levels, indicators, tables });
    const result = run('build', config, '--out', path.join(work, 'none-published', 'atlas'));
    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stderr, /indicators\.csv, column "published": no indicator is marked published, so a public build would be empty; .* or build with --internal/);
    assert.doesNotMatch(result.stderr, /defaults\.year/);
    assert.equal(run('build', config, '--out', path.join(work, 'none-published', 'internal'), '--internal', '--quiet').code, 0);
  });

  it('--out naming a file, or a path through a file: one line, exit 2, no stack trace', () => {
    const config = publishConfig('out-file');
    const file = write('out-file', 'atlas', 'not a folder');
    for (const out of [file, path.join(file, 'sub')]) {
      const result = run('build', config, '--out', out);
      assert.equal(result.code, 2, result.stderr);
      assert.match(result.stderr, /^keck-atlas: --out .*atlas(\/sub)?: .*is a file, not a folder; give a folder for the atlas\n$/);
      noStackTrace(result.stderr);
    }
  });

  const broken = [
    ['invalid JSON', () => write('json', 'c.json', '{\n  "atlas": {\n    "id": "x",\n  }\n}'), /c\.json: the config is no valid JSON: .*\(line 4, column 3\)/],
    ['a folder as config', () => path.join(work), /: this is a folder; give the config file/],
    ['a missing config', () => path.join(work, 'nope.json'), /nope\.json: cannot read the config \(ENOENT: no such file or directory\)/],
    ['a config that is an array', () => write('array', 'c.json', '[]'), /c\.json: expected a JSON object/],
    ['levels and tables that are not objects', () => write('nulls', 'c.json', { atlas: atlas(), levels: [null], indicators: 'x.csv', tables: [7], poi: { categories: 'kita', sources: {} }, bookmarks: 'b' }), /c\.json: levels\[0\]: expected a level .*\n(.*\n)*.*c\.json: tables\[0\]: expected a table/],
  ];
  for (const [what, config, message] of broken) {
    it(`${what}: exit 1 with one clear message, no stack trace`, () => {
      const result = run('build', config(), '--out', path.join(work, 'never'));
      assert.equal(result.code, 1, result.stderr);
      assert.match(result.stderr, message);
      noStackTrace(result.stderr);
    });
  }

  it('init into a folder that does not exist: one line, exit 2', () => {
    const result = run('init', path.join(work, 'no', 'such', 'folder', 'atlas.config.json'));
    assert.equal(result.code, 2, result.stderr);
    assert.match(result.stderr, /cannot write .*atlas\.config\.json \(ENOENT/);
    noStackTrace(result.stderr);
  });

  it('a threshold below 3 is refused at its config key, as docs/semantics.md says', () => {
    const semantics = readFileSync(path.join(root, 'docs/semantics.md'), 'utf8');
    assert.doesNotMatch(semantics, /lower value is raised to 3/);
    const config = write('threshold', 'kinder.config.json', { atlas: atlas({ privacy: { threshold: 1 } }), levels, indicators: path.join(publish, 'publish.indicators.csv'), tables });
    const result = run('build', config, '--out', path.join(work, 'threshold', 'atlas'));
    assert.equal(result.code, 1);
    assert.match(result.stderr, /kinder\.config\.json: atlas\.privacy\.threshold: expected a whole number of 3 or more/);
  });

  it('any value at any key of a config: exit 0, 1 or 2, never a crash; every error line names a file', () => {
    const base = { atlas: atlas(), levels, indicators: path.join(publish, 'publish.indicators.csv'), tables, bookmarks: bookmarks.slice(0, 1) };
    const paths = [];
    const walk = (value, at) => {
      paths.push(at);
      if (value && typeof value === 'object') for (const [key, inner] of Object.entries(value)) walk(inner, [...at, Array.isArray(value) ? Number(key) : key]);
    };
    walk(base, []);
    const damage = fc.oneof(fc.constantFrom(null, true, 0, -1, 2.5, '', 'x', [], {}, [null], { de: 7 }, '../../etc'), fc.jsonValue({ maxDepth: 2 }));
    let run_ = 0;
    fc.assert(
      fc.property(fc.constantFrom(...paths.filter((at) => at.length > 0)), damage, (at, value) => {
        const config = structuredClone(base);
        let parent = config;
        at.slice(0, -1).forEach((key) => (parent = parent[key]));
        parent[at.at(-1)] = value;
        const file = write(`damage-${run_}`, 'c.json', config);
        const result = run('build', file, '--out', path.join(work, `damage-${run_++}`, 'atlas'), '--quiet');
        assert.ok([0, 1, 2].includes(result.code), `${at.join('.')} = ${JSON.stringify(value)}: exit ${result.code}\n${result.stderr}`);
        noStackTrace(result.stderr);
        if (result.code === 1) {
          const lines = result.stderr.split('\n');
          for (const line of lines.slice(lines.indexOf('keck-atlas: error:') + 1).filter(Boolean)) assert.match(line, /^\/[^:]+: /, line);
        }
      }),
      { numRuns: 40 },
    );
  });
});
