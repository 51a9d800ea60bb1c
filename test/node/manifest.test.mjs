// custom-elements.json is what editors, Storybook and the docs read: every public attribute,
// property, event, slot, part and custom property of every element is described there, events
// carry their class, custom properties their CSS syntax and default, enum-like attributes their
// values; the VS Code and JetBrains files and docs/theming.md are generated from it.
// Needs `npm run build` (or `npm run analyze`) first; `npm test` does the build.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, test } from 'node:test';

const ROOT = path.resolve(import.meta.dirname, '../..');
const read = (file) => JSON.parse(readFileSync(path.join(ROOT, file), 'utf8'));
const TAGS = ['keck-area-report', 'keck-chart', 'keck-map', 'keck-poi-layer', 'keck-table'];
const EVENT_CLASSES = { 'keck-load': 'KeckLoadEvent', 'keck-error': 'KeckErrorEvent', 'keck-area-select': 'KeckAreaSelectEvent', 'keck-export': 'KeckExportEvent' };
// Custom properties whose default is computed (a ColorBrewer scheme, the series palette): their text says so.
const COMPUTED_DEFAULTS = new Set(['--keck-class-1', '--keck-series-1']);
// The element's background is transparent; the panels drawn over the map or chart (legend, buttons) need an opaque one.
const PANEL_FALLBACKS = { '--keck-background': 'Canvas' };

let elements;
before(() => {
  assert.ok(existsSync(path.join(ROOT, 'custom-elements.json')), 'run `npm run analyze` first');
  const manifest = read('custom-elements.json');
  elements = new Map(
    manifest.modules
      .flatMap((module) => module.declarations ?? [])
      .filter((declaration) => declaration.customElement && declaration.tagName)
      .map((element) => [element.tagName, element]),
  );
});

const publicMembers = (element) => (element.members ?? []).filter((member) => !member.privacy && !member.static && !member.name.startsWith('#'));

describe('custom-elements.json', () => {
  test('lists the five elements', () => assert.deepEqual([...elements.keys()].sort(), TAGS));

  test('describes every public attribute, property, event, slot, part and custom property', () => {
    const undocumented = [];
    for (const [tag, element] of elements) {
      if (!element.description?.trim()) undocumented.push(`${tag}: the element`);
      for (const kind of ['attributes', 'events', 'slots', 'cssParts', 'cssProperties']) {
        for (const item of element[kind] ?? []) if (!item.description?.trim()) undocumented.push(`${tag} ${kind}: ${item.name || '(default slot)'}`);
      }
      for (const member of publicMembers(element)) if (!member.description?.trim()) undocumented.push(`${tag} ${member.kind}: ${member.name}`);
    }
    assert.deepEqual(undocumented, []);
  });

  test('types every event with its class', () => {
    for (const [tag, element] of elements) {
      for (const event of element.events ?? []) {
        assert.equal(event.type?.text, EVENT_CLASSES[event.name], `${tag} ${event.name}`);
      }
    }
    const fired = new Set([...elements.values()].flatMap((element) => (element.events ?? []).map((event) => event.name)));
    assert.deepEqual([...fired].sort(), Object.keys(EVENT_CLASSES).sort());
  });

  test('gives every custom property its CSS syntax and default', () => {
    for (const [tag, element] of elements) {
      for (const property of element.cssProperties ?? []) {
        assert.match(property.syntax ?? '', /^<[a-z-]+>$/, `${tag} ${property.name}: syntax`);
        if (COMPUTED_DEFAULTS.has(property.name)) assert.match(property.description, /default/i, `${tag} ${property.name}: says how its default is chosen`);
        else assert.ok(property.default, `${tag} ${property.name}: default`);
      }
    }
  });

  test('the defaults it documents are the fallbacks the styles use', () => {
    const sources = spawnSync('git', ['ls-files', 'src'], { cwd: ROOT, encoding: 'utf8' })
      .stdout.split('\n')
      .filter((file) => file.endsWith('.ts') && !/\.(test|stories)\.ts$/.test(file))
      .map((file) => readFileSync(path.join(ROOT, file), 'utf8'))
      .join('\n');
    const documented = new Map([...elements.values()].flatMap((element) => (element.cssProperties ?? []).map((p) => [p.name, p.default])));
    const drift = [];
    for (const [, name, fallback] of sources.matchAll(/var\((--keck-[a-z0-9-]+),\s*([^;]+?)\)(?=[;\s])/g)) {
      const expected = documented.get(name);
      if (expected && !expected.startsWith('var(') && !expected.startsWith('color-mix(') && fallback.trim() !== expected && fallback.trim() !== PANEL_FALLBACKS[name]) drift.push(`${name}: ${fallback.trim()} (documented ${expected})`);
    }
    assert.deepEqual(drift, []);
  });

  test('resolves enum-like attributes to their values', () => {
    const values = (tag, name) => elements.get(tag).attributes.find((attribute) => attribute.name === name)?.parsedType?.text;
    assert.equal(values('keck-chart', 'type'), "'column' | 'bar' | 'scatter' | 'line'");
    for (const tag of ['keck-map', 'keck-table']) assert.match(values(tag, 'classification'), /^'quantile' \| 'equal' \| 'jenks'/);
  });
});

describe('editor data generated from it', () => {
  test('VS Code: every element with its attributes and values, every custom property', () => {
    const html = read('vscode.html-custom-data.json');
    assert.deepEqual(html.tags.map((tag) => tag.name).sort(), TAGS);
    const chart = html.tags.find((tag) => tag.name === 'keck-chart');
    assert.deepEqual(
      chart.attributes.find((attribute) => attribute.name === 'type').values.map((value) => value.name),
      ['column', 'bar', 'scatter', 'line'],
    );
    assert.ok(chart.attributes.find((attribute) => attribute.name === 'src')?.description);
    const css = read('vscode.css-custom-data.json');
    const documented = new Set([...elements.values()].flatMap((element) => (element.cssProperties ?? []).map((p) => p.name)));
    assert.deepEqual(new Set(css.properties.map((property) => property.name)), documented);
  });

  test('JetBrains: web-types.json named by package.json lists every element', () => {
    const pkg = read('package.json');
    const webTypes = read(pkg['web-types']);
    assert.equal(webTypes.name, pkg.name);
    assert.equal(webTypes.version, pkg.version);
    assert.deepEqual(webTypes.contributions.html.elements.map((element) => element.name).sort(), TAGS);
  });

  test('docs/theming.md is up to date', () => {
    const result = spawnSync('node', ['scripts/theming-doc.mjs', '--check'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
  });
});
