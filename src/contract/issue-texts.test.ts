import { expect } from '@open-wc/testing';
import { localizeIssuePlace, localizeIssueText } from './issue-texts.js';
import { ContractError, type ContractIssue } from './issues.js';
import { parseJson } from './parse-json.js';
import type { AtlasManifest } from './types.js';
import { manifestIssues } from './validate.js';
import { fetchBytes } from '../data/fetch-file.js';

let demo: AtlasManifest;
before(async () => {
  demo = await (await fetch('/demo/atlas/vechta/atlas.json')).json();
});

const variant = (change: (doc: any) => void): unknown => {
  const doc = structuredClone(demo);
  change(doc);
  return doc;
};

// English words of the contract's templates; quoted ids and values are left out of the check.
const ENGLISH = /\b(the|a|an|of|on|with|or|expected|found|property|number|string|unknown|missing|text|key|area|least|most|items?|year|level|value|type|object|empty|answer|file|within)\b/;
// The browser's own words for malformed JSON are its, in its language.
const unquoted = (text: string) => text.replace(/„[^“]*“|"[^"]*"|\{[^}]*\}|Meldung des Browsers: [^)]*/g, '');

async function issuesOf(run: () => unknown): Promise<ContractIssue[]> {
  try {
    await run();
  } catch (error) {
    if (error instanceof ContractError) return error.issues;
    throw error;
  }
  return [];
}

describe('issue texts in German', () => {
  const changes: [string, (doc: any) => void][] = [
    ['wrong type', (d) => (d.indicators[0].decimals = 'zwei')],
    ['missing property', (d) => delete d.indicators[1].source],
    ['unknown property', (d) => (d.indicators[0].colour = 'red')],
    ['bad kind', (d) => (d.indicators[0].kind = 'percentage')],
    ['bad value', (d) => (d.values[0].values['03460001'] = '17,53')],
    ['numeric key', (d) => (d.levels[1].areas[0].key = 3460001)],
    ['bad year', (d) => (d.values[0].year = 13)],
    ['javascript: link', (d) => (d.attribution[0].url = 'javascript:alert(1)')],
    ['unknown indicator', (d) => (d.values[1].indicator = 'u18-share')],
    ['unknown level', (d) => (d.values[0].level = 'ortsteil')],
    ['unknown area key', (d) => (d.values[0].values['3460001'] = 1)],
    ['year the indicator lacks', (d) => (d.values[0].year = 2014)],
    ['unknown topic', (d) => (d.indicators[0].topic = 'health')],
    ['duplicate topic', (d) => d.topics.push({ ...d.topics[0] })],
    ['area parent elsewhere', (d) => (d.levels[1].areas[2].parent = '03459')],
    ['default year without data', (d) => (d.defaults.year = 2015)],
    ['bookmark area', (d) => (d.bookmarks[0].areas = ['99999999'])],
    ['empty title', (d) => (d.title = '')],
    ['text without language', (d) => (d.indicators[0].title = {})],
    ['malformed contract', (d) => (d.contract = '1')],
    ['contract 2.0', (d) => (d.contract = '2.0')],
  ];
  for (const [name, change] of changes) {
    it(`${name}: expected and found read in German`, () => {
      const issues = manifestIssues(variant(change), 'atlas.json');
      expect(issues, name).to.not.be.empty;
      for (const issue of issues) {
        for (const text of [issue.expected, issue.found]) {
          const german = localizeIssueText(text, 'de');
          expect(unquoted(german), `${text} → ${german}`).to.not.match(ENGLISH);
          expect(localizeIssueText(text, 'en-GB')).to.equal(text);
        }
      }
    });
  }

  it('loading failures (HTTP 404, malformed JSON) read in German', async () => {
    const issues = [
      ...(await issuesOf(() => fetchBytes('/no/such/file.json'))),
      ...(await issuesOf(() => parseJson('{"a": 1 "b": 2}', 'atlas.json'))),
    ];
    expect(issues).to.have.length(2);
    for (const issue of issues) for (const text of [issue.expected, issue.found]) expect(unquoted(localizeIssueText(text, 'de')), text).to.not.match(ENGLISH);
    expect(localizeIssuePlace(issues[1].path, 'de')).to.equal('Zeile 1, Spalte 9');
  });
});
