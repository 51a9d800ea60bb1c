import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { ContractError, formatIssue, type ContractIssue } from './issues.js';
import { parseJson } from './parse-json.js';
import type { AtlasManifest } from './types.js';
import { manifestIssues, validateManifest, validateValueFileDocument } from './validate.js';

const FILE = 'atlas.json';
let demo: AtlasManifest;

before(async () => {
  demo = await (await fetch('/demo/atlas/vechta/atlas.json')).json();
});

/** A deep copy of the Vechta demo manifest with one change applied. */
function variant(change: (doc: any) => void): unknown {
  const doc = structuredClone(demo);
  change(doc);
  return doc;
}

function only(issues: ContractIssue[]): ContractIssue {
  expect(issues.map(formatIssue), 'exactly one issue').to.have.length(1);
  return issues[0];
}

describe('contract validation', () => {
  it('accepts the demo atlases and the documented example', async () => {
    for (const url of ['/demo/atlas/vechta/atlas.json', '/demo/atlas/luechow-dannenberg/atlas.json', '/docs/examples/atlas.json']) {
      const doc = await (await fetch(url)).json();
      expect(manifestIssues(doc, url).map(formatIssue), url).to.deep.equal([]);
    }
  });

  const cases: { name: string; change: (doc: any) => void; path: string; expected: RegExp; found: RegExp }[] = [
    { name: 'wrong type', change: (d) => (d.indicators[0].decimals = 'zwei'), path: '$.indicators[0].decimals', expected: /whole number/, found: /the string "zwei"/ },
    { name: 'missing mandatory metadata', change: (d) => delete d.indicators[1].source, path: '$.indicators[1]', expected: /the property "source"/, found: /missing/ },
    { name: 'unknown property', change: (d) => (d.indicators[0].colour = 'red'), path: '$.indicators[0].colour', expected: /no unknown property/, found: /"colour"/ },
    { name: 'bad kind', change: (d) => (d.indicators[0].kind = 'percentage'), path: '$.indicators[0].kind', expected: /"count", "share"/, found: /"percentage"/ },
    { name: 'bad value', change: (d) => (d.values[0].values['03460001'] = '17,53'), path: '$.values[0].values["03460001"]', expected: /a number, null \(missing\) or \{"suppressed": true\}/, found: /"17,53"/ },
    { name: 'numeric area key', change: (d) => (d.levels[1].areas[0].key = 3460001), path: '$.levels[1].areas[0].key', expected: /type string/, found: /number 3460001/ },
    { name: 'bad year', change: (d) => (d.values[0].year = 13), path: '$.values[0].year', expected: /≥ 1900/, found: /13/ },
    { name: 'javascript: link in attribution', change: (d) => (d.attribution[0].url = 'javascript:alert(1)'), path: '$.attribution[0].url', expected: /http\(s\) URL/, found: /javascript:alert/ },
    { name: 'unknown indicator', change: (d) => (d.values[1].indicator = 'u18-share'), path: '$.values[1].indicator', expected: /an indicator/, found: /unknown indicator "u18-share"/ },
    { name: 'unknown level', change: (d) => (d.values[0].level = 'ortsteil'), path: '$.values[0].level', expected: /a level \(kreis, gemeinde\)/, found: /unknown level "ortsteil"/ },
    { name: 'value key not in the level', change: (d) => (d.values[0].values['3460001'] = 1), path: '$.values[0].values["3460001"]', expected: /area of level "gemeinde"/, found: /unknown area key "3460001"/ },
    { name: 'year the indicator does not have', change: (d) => (d.values[0].year = 2014), path: '$.values[0].year', expected: /years of indicator "u15-share" \(2013\)/, found: /2014/ },
    { name: 'unknown topic', change: (d) => (d.indicators[0].topic = 'health'), path: '$.indicators[0].topic', expected: /a topic/, found: /"health"/ },
    { name: 'duplicate topic id', change: (d) => d.topics.push({ ...d.topics[0] }), path: '$.topics[1].id', expected: /unique topic id/, found: /duplicate topic id "demography"/ },
    { name: 'unknown parent level', change: (d) => (d.levels[1].parent = 'land'), path: '$.levels[1].parent', expected: /a level/, found: /"land"/ },
    { name: 'area parent not in parent level', change: (d) => (d.levels[1].areas[2].parent = '03459'), path: '$.levels[1].areas[2].parent', expected: /a key of level "kreis"/, found: /"03459"/ },
    { name: 'unknown numerator', change: (d) => (d.indicators[0].numerator = 'children'), path: '$.indicators[0].numerator', expected: /an indicator/, found: /"children"/ },
    { name: 'default year without data', change: (d) => (d.defaults.year = 2020), path: '$.defaults.year', expected: /at least one indicator/, found: /2020/ },
    { name: 'bookmark with unknown area', change: (d) => (d.bookmarks[0].areas = ['99999999']), path: '$.bookmarks[0].areas[0]', expected: /area of the bookmark's level/, found: /"99999999"/ },
    { name: 'empty title text', change: (d) => (d.title = ''), path: '$.title', expected: /non-empty string or an object/, found: /the string ""/ },
    { name: 'text with an unknown language key', change: (d) => (d.indicators[0].title = { de: 'Kinder', fr: 'Enfants' }), path: '$.indicators[0].title', expected: /non-empty string or an object/, found: /an object with de, fr/ },
    { name: 'suppressed value written as text', change: (d) => (d.values[0].reference = 'k. A.'), path: '$.values[0].reference', expected: /a number, null \(missing\) or \{"suppressed": true\}/, found: /"k. A."/ },
    { name: 'unsupported contract version', change: (d) => (d.contract = '2.0'), path: '$.contract', expected: /matching/, found: /"2.0"/ },
    { name: 'duplicate value block', change: (d) => d.values.push(structuredClone(d.values[0])), path: '$.values[2]', expected: /one value block per indicator, level and year/, found: /second block/ },
  ];

  for (const { name, change, path, expected, found } of cases) {
    it(`reports ${name} with file, path, expectation and finding`, () => {
      const issue = only(manifestIssues(variant(change), FILE));
      expect(issue.file).to.equal(FILE);
      expect(issue.path).to.equal(path);
      expect(issue.expected).to.match(expected);
      expect(issue.found).to.match(found);
    });
  }

  it('reports every problem at once', () => {
    const doc = variant((d) => {
      d.indicators[0].decimals = -1;
      d.indicators[1].unit = 5;
      delete d.reference;
    });
    const error = (() => {
      try {
        validateManifest(doc, FILE);
      } catch (e) {
        return e as ContractError;
      }
      throw new Error('no error');
    })();
    expect(error).to.be.instanceOf(ContractError);
    expect(error.issues.map((i) => i.path)).to.have.members(['$.indicators[0].decimals', '$.indicators[1].unit', '$']);
    expect(error.message).to.contain('atlas.json: 3 problems');
  });

  it('reports malformed JSON with line and column', () => {
    const text = '{\n  "contract": "1.0",\n  "id": "x",,\n}';
    try {
      parseJson(text, 'broken.json');
      expect.fail('no error');
    } catch (error) {
      const issue = only((error as ContractError).issues);
      expect(issue.file).to.equal('broken.json');
      expect(issue.path).to.equal('line 3, column 13');
      expect(issue.found).to.match(/^malformed JSON/);
    }
  });

  it('checks value files against the manifest', () => {
    const blocks = [{ indicator: 'u15-share', level: 'gemeinde', year: 2014, values: { '03460001': 1 } }];
    try {
      validateValueFileDocument({ contract: '1.0', values: blocks }, demo, 'values-2014.json');
      expect.fail('no error');
    } catch (error) {
      const issue = only((error as ContractError).issues);
      expect(issue.file).to.equal('values-2014.json');
      expect(issue.path).to.equal('$.values[0].year');
    }
  });

  it('never crashes on schema-valid documents: it returns a manifest or a ContractError', () => {
    const id = fc.constantFrom('a', 'b', 'c');
    const text = fc.oneof(fc.string({ minLength: 1 }), fc.record({ de: fc.string({ minLength: 1 }) }));
    const value = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constant(null), fc.constant({ suppressed: true as const }));
    const key = fc.constantFrom('01', '02', '03');
    const year = fc.constantFrom(2013, 2014);
    const area = fc.record({ key, name: fc.string({ minLength: 1 }), parent: fc.option(key, { nil: undefined }) }, { requiredKeys: ['key', 'name'] });
    const level = fc.record({ id, title: text, parent: fc.option(id, { nil: undefined }), areas: fc.array(area, { minLength: 1, maxLength: 4 }) }, { requiredKeys: ['id', 'title', 'areas'] });
    const indicator = fc.record(
      {
        id,
        title: text,
        unit: fc.constantFrom('%', '', 'Personen'),
        kind: fc.constantFrom('count', 'share', 'rate', 'ratio', 'mean', 'other'),
        decimals: fc.integer({ min: 0, max: 6 }),
        definition: text,
        source: text,
        years: fc.uniqueArray(year, { minLength: 1 }),
        topic: id,
        published: fc.boolean(),
        numerator: fc.option(id, { nil: undefined }),
        denominator: fc.option(id, { nil: undefined }),
      },
      { requiredKeys: ['id', 'title', 'unit', 'kind', 'decimals', 'definition', 'source', 'years', 'topic', 'published'] },
    );
    const block = fc.record({ indicator: id, level: id, year, reference: fc.option(value, { nil: undefined }), values: fc.dictionary(key, value) }, { requiredKeys: ['indicator', 'level', 'year', 'values'] });
    const bookmark = fc.record({ id, title: text, text, level: fc.option(id, { nil: undefined }), indicator: fc.option(id, { nil: undefined }), areas: fc.option(fc.array(key), { nil: undefined }) }, { requiredKeys: ['id', 'title', 'text'] });
    const manifest = fc.record({
      contract: fc.constant('1.0'),
      id,
      title: text,
      build: fc.constantFrom('public', 'internal'),
      attribution: fc.constant([{ text: '© test' }]),
      reference: fc.record({ name: text }),
      defaults: fc.record({ level: id }),
      topics: fc.array(fc.record({ id, title: text }), { maxLength: 3 }),
      levels: fc.array(level, { minLength: 1, maxLength: 3 }),
      indicators: fc.array(indicator, { maxLength: 3 }),
      values: fc.array(block, { maxLength: 4 }),
      bookmarks: fc.array(bookmark, { maxLength: 2 }),
    });
    fc.assert(
      fc.property(manifest, (doc) => {
        try {
          validateManifest(doc, FILE);
        } catch (error) {
          if (!(error instanceof ContractError)) throw error;
          expect(error.issues.length).to.be.greaterThan(0);
          for (const issue of error.issues) expect(issue.path).to.match(/^\$/);
        }
      }),
      { numRuns: 400 },
    );
  });
});
