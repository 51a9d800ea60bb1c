import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { ContractError, formatIssue, type ContractIssue } from './issues.js';
import { parseJson } from './parse-json.js';
import { CONTRACT_VERSION, type AtlasManifest } from './types.js';
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

  // Paths after the demo atlas's 2 topics and 32 value blocks (the pushed copy comes last).
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
    { name: 'duplicate topic id', change: (d) => d.topics.push({ ...d.topics[0] }), path: '$.topics[2].id', expected: /unique topic id/, found: /duplicate topic id "demography"/ },
    { name: 'unknown parent level', change: (d) => (d.levels[1].parent = 'land'), path: '$.levels[1].parent', expected: /a level/, found: /"land"/ },
    { name: 'area parent not in parent level', change: (d) => (d.levels[1].areas[2].parent = '03459'), path: '$.levels[1].areas[2].parent', expected: /a key of level "kreis"/, found: /"03459"/ },
    { name: 'unknown numerator', change: (d) => (d.indicators[0].numerator = 'children'), path: '$.indicators[0].numerator', expected: /an indicator/, found: /"children"/ },
    { name: 'default year without data', change: (d) => (d.defaults.year = 2015), path: '$.defaults.year', expected: /at least one indicator/, found: /2015/ },
    { name: 'bookmark with unknown area', change: (d) => (d.bookmarks[0].areas = ['99999999']), path: '$.bookmarks[0].areas[0]', expected: /area of the bookmark's level/, found: /"99999999"/ },
    { name: 'empty title text', change: (d) => (d.title = ''), path: '$.title', expected: /non-empty string or an object/, found: /the string ""/ },
    { name: 'text keyed by no language tag', change: (d) => (d.indicators[0].title = { de: 'Kinder', en_US: 'Children' }), path: '$.indicators[0].title', expected: /non-empty string or an object of non-empty texts by language tag/, found: /an object with de, en_US/ },
    { name: 'text without any language', change: (d) => (d.indicators[0].title = {}), path: '$.indicators[0].title', expected: /non-empty string or an object/, found: /an empty object/ },
    { name: 'empty text in one language', change: (d) => (d.indicators[0].title = { de: 'Kinder', tr: '' }), path: '$.indicators[0].title', expected: /non-empty string or an object/, found: /an object with de, tr/ },
    { name: 'suppressed value written as text', change: (d) => (d.values[0].reference = 'k. A.'), path: '$.values[0].reference', expected: /a number, null \(missing\) or \{"suppressed": true\}/, found: /"k. A."/ },
    { name: 'malformed contract version', change: (d) => (d.contract = '1'), path: '$.contract', expected: /a contract version "1.MINOR", e.g. "1\.\d+"/, found: /the string "1"/ },
    { name: 'duplicate value block', change: (d) => d.values.push(structuredClone(d.values[0])), path: '$.values[32]', expected: /one value block per indicator, level and year/, found: /second block/ },
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
    const text = fc.oneof(fc.string({ minLength: 1 }), fc.dictionary(fc.constantFrom('de', 'en', 'tr', 'de-CH'), fc.string({ minLength: 1 }), { minKeys: 1 }));
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

  describe('contract versions', () => {
    const [major, minor] = CONTRACT_VERSION.split('.').map(Number);
    const newerMinor = `${major}.${minor + 1}`;

    /** Validates and returns the notes it gave. */
    function notesOf(document: unknown, file = FILE): string[] {
      const notes: string[] = [];
      validateManifest(document, file, { note: (message) => notes.push(message) });
      return notes;
    }

    it('rejects unknown properties up to its own minor version: there they are typos', () => {
      for (const contract of ['1.0', CONTRACT_VERSION]) {
        const issue = only(manifestIssues(variant((d) => ((d.contract = contract), (d.indicators[0].shortTitel = 'Kinder'))), FILE));
        expect(issue.path, contract).to.equal('$.indicators[0].shortTitel');
        expect(issue.expected).to.match(/no unknown property \(check the spelling\)/);
      }
    });

    it('reads a manifest of a newer minor version without its unknown properties, with one note naming them', () => {
      const doc = variant((d) => {
        d.contract = newerMinor;
        d.indicators[0].colour = 'red';
        d.levels[1].areas[0].population = 1200;
        d.values[0].comment = { de: 'neu' };
        d.newTopLevel = [];
      });
      expect(manifestIssues(doc, FILE).map(formatIssue)).to.deep.equal([]);
      const notes = notesOf(doc);
      expect(notes).to.have.length(1);
      expect(notes[0]).to.equal(
        `keck-atlas: ${FILE} uses contract ${newerMinor}, newer than this library's ${CONTRACT_VERSION}: 4 properties it does not know ignored ` +
          '($.newTopLevel, $.levels[1].areas[0].population, $.indicators[0].colour, $.values[0].comment); update keck-atlas to use them.',
      );
    });

    it('gives no note for a manifest of a newer minor version that uses no new property', () => {
      expect(notesOf(variant((d) => (d.contract = newerMinor)))).to.deep.equal([]);
    });

    it('names five ignored properties in the note and counts the rest', () => {
      const notes = notesOf(variant((d) => ((d.contract = newerMinor), ['a', 'b', 'c', 'e', 'f', 'g', 'h'].forEach((name) => (d[name] = 1)))));
      expect(notes).to.have.length(1);
      expect(notes[0]).to.match(/: 7 properties it does not know ignored \(\$\.a, \$\.b, \$\.c, \$\.e, \$\.f and 2 more\)/);
    });

    it('still checks every known property of a newer minor version, and gives no note when it fails', () => {
      const doc = variant((d) => ((d.contract = newerMinor), (d.indicators[0].colour = 'red'), (d.indicators[0].decimals = 'zwei'), (d.values[0].values['03460001'] = { suppressed: true, reason: 'small' })));
      const issues = manifestIssues(doc, FILE);
      expect(issues.map((i) => i.path)).to.deep.equal(['$.indicators[0].decimals', '$.values[0].values["03460001"]']);
      const notes: string[] = [];
      expect(() => validateManifest(doc, FILE, { note: (message) => notes.push(message) })).to.throw(ContractError);
      expect(notes).to.deep.equal([]);
    });

    it('keeps language maps closed in a newer minor version: a key must be a language tag', () => {
      const issue = only(manifestIssues(variant((d) => ((d.contract = newerMinor), (d.title = { de: 'Atlas', 'not a tag': 'x' }))), FILE));
      expect(issue.path).to.equal('$.title');
    });

    it('refuses a manifest of a newer major version with one clear message, whatever else it holds', () => {
      const issue = only(manifestIssues(variant((d) => ((d.contract = '2.0'), delete d.levels, (d.layers = []))), FILE));
      expect(formatIssue(issue)).to.equal(`${FILE}: $.contract: expected contract 1.x, found contract 2.0: this atlas uses contract 2.0; this library reads 1.x — update keck-atlas`);
    });

    it('refuses a manifest of an older major version', () => {
      const issue = only(manifestIssues(variant((d) => (d.contract = '0.9')), FILE));
      expect(issue.found).to.equal('contract 0.9: this atlas uses contract 0.9, which this library (contract 1.x) does not read');
    });

    it('applies the same rule to value files', () => {
      const block = { indicator: 'u15-share', level: 'gemeinde', year: 2013, values: { '03460001': 1 }, comment: 'neu' };
      const atlas = variant((d) => (d.values = [])) as AtlasManifest;
      const notes: string[] = [];
      const blocks = validateValueFileDocument({ contract: newerMinor, values: [block], source: 'x' }, atlas, 'values.json', { note: (message) => notes.push(message) });
      expect(blocks).to.have.length(1);
      expect(notes).to.have.length(1);
      expect(notes[0]).to.contain('values.json uses contract').and.contain('($.source, $.values[0].comment)');
      expect(() => validateValueFileDocument({ contract: CONTRACT_VERSION, values: [block] }, atlas, 'values.json')).to.throw(/values\.json: \$\.values\[0\]\.comment: expected no unknown property/);
      expect(() => validateValueFileDocument({ contract: '2.1', values: 'anything' }, atlas, 'values.json')).to.throw('values.json: $.contract: expected contract 1.x, found contract 2.1: this atlas uses contract 2.1; this library reads 1.x — update keck-atlas');
    });
  });
});
