import { expect } from '@open-wc/testing';
import { localize } from '../contract/localize.js';
import { Atlas, ValueCode } from '../data/atlas.js';
import { AtlasStore } from '../data/store.js';
import { styledView } from './view.js';
import { smallAtlas } from '../../test/harness/small-atlas.js';

const VECHTA = '/demo/atlas/vechta/atlas.json';
const base = { indicator: 'u15-share', level: 'gemeinde', year: 2013 } as const;

describe('styledView on the Vechta demo atlas', () => {
  let atlas: Atlas;
  before(async () => {
    atlas = await AtlasStore.for(VECHTA).load();
  });

  it('styles every area in the level order with text, spoken text, class and colour', () => {
    const view = styledView(atlas, { ...base, locale: 'de' });
    expect(view.areas.map((area) => area.key)).to.deep.equal(atlas.level('gemeinde')!.areas.map((area) => area.key));
    const bakum = view.byKey.get('03460001')!;
    expect(bakum).to.include({ name: 'Bakum', state: 'number', value: 17.53, text: '17,53\u00a0%', spoken: '17,53 Prozent', classIndex: 4 });
    expect(bakum.colour).to.equal(view.scheme.classes[4]);
    expect(bakum.hatch).to.equal(null);
    expect(view.byKey.get('03460009')).to.include({ value: 15.03, classIndex: 0 });
    expect(view.breaks).to.deep.equal([15.03, 15.54, 16.06, 16.63, 16.84, 17.53]);
  });

  it('gives the reference with its label and its own value, not a mean of the rows', () => {
    const de = styledView(atlas, { ...base, locale: 'de' }).reference;
    expect(de).to.deep.equal({ label: 'Landkreis Vechta (Durchschnitt)', state: 'number', value: 16.15, text: '16,15\u00a0%', spoken: '16,15 Prozent' });
    const en = styledView(atlas, { ...base, locale: 'en' }).reference;
    expect(en).to.include({ label: 'Vechta district (average)', text: '16.15%', spoken: '16.15 percent' });
  });

  it('builds the legend with ranges and counts', () => {
    const { legend } = styledView(atlas, { ...base, locale: 'de' });
    expect(legend.title).to.equal(localize(atlas.indicator('u15-share')!.title, 'de'));
    expect(legend).to.include({ unit: '%', year: 2013 });
    expect(legend.classes.map((entry) => entry.label)).to.deep.equal([
      '15,03 – 15,54\u00a0%',
      '15,54 – 16,06\u00a0%',
      '16,06 – 16,63\u00a0%',
      '16,63 – 16,84\u00a0%',
      '16,84 – 17,53\u00a0%',
    ]);
    expect(legend.classes.map((entry) => entry.count)).to.deep.equal([2, 2, 2, 2, 2]);
    expect(legend.classes[0].spoken).to.equal('15,03 bis 15,54 Prozent');
    expect(legend.suppressed).to.include({ label: 'k. A.', description: 'keine Angabe (Datenschutz)', count: 0 });
    expect(legend.missing).to.include({ label: '–', description: 'keine Daten', count: 0 });
  });

  it('returns the same view for the same options, a new one for other options', () => {
    const first = styledView(atlas, { ...base, locale: 'de' });
    expect(styledView(atlas, { locale: 'de', ...base, classification: 'quantile', classes: 5 })).to.equal(first);
    expect(styledView(atlas, { ...base, locale: 'en' })).to.not.equal(first);
    expect(styledView(atlas, { ...base, locale: 'de', classification: 'jenks' })).to.not.equal(first);
  });

  it('applies classification options and colour overrides', () => {
    const view = styledView(atlas, { ...base, locale: 'de', classification: 'manual', breaks: [16, 17], colours: { '--keck-class-3': '#aa0000' } });
    expect(view.breaks).to.deep.equal([15.03, 16, 17, 17.53]);
    expect(view.byKey.get('03460001')).to.include({ classIndex: 2, colour: '#aa0000' });
    expect(view.legend.classes.map((entry) => entry.count)).to.deep.equal([3, 5, 2]);
  });

  it('diverges around the reference when asked', () => {
    const view = styledView(atlas, { ...base, locale: 'de', diverging: true });
    expect(view.breaks).to.include(16.15);
    expect(view.breaks.length - 1).to.be.at.most(5);
    expect(view.scheme.classes).to.have.length(view.breaks.length - 1);
  });

  it('refuses unknown levels and indicators', () => {
    expect(() => styledView(atlas, { ...base, level: 'nowhere', locale: 'de' })).to.throw(/level "nowhere"/);
    expect(() => styledView(atlas, { ...base, indicator: 'nothing', locale: 'de' })).to.throw(/indicator "nothing"/);
  });
});

describe('styledView render guard', () => {
  function atlasWithRawCounts(): Atlas {
    return smallAtlas({ id: 'kids', title: 'Kinder', unit: 'Personen', kind: 'count', decimals: 0, years: [2020] }, [
      { indicator: 'kids', level: 'area', year: 2020, reference: 1152, values: { a: 2, b: 1096, c: { suppressed: true } } },
    ]);
  }

  it('shows a small raw count as suppressed everywhere and warns once', () => {
    const warnings: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      const view = styledView(atlasWithRawCounts(), { indicator: 'kids', level: 'area', year: 2020, locale: 'de' });
      styledView(atlasWithRawCounts(), { indicator: 'kids', level: 'area', year: 2020, locale: 'en' });
      expect(view.byKey.get('a')).to.include({ state: 'suppressed', value: null, text: 'k. A.', spoken: 'keine Angabe (Datenschutz)', classIndex: -1 });
      expect(view.byKey.get('a')!.hatch).to.deep.equal(view.scheme.suppressed);
      expect(view.byKey.get('b')).to.include({ state: 'number', value: 1096, text: '1.096\u00a0Personen' });
      expect(view.byKey.get('c')).to.include({ state: 'suppressed', value: null });
      expect(view.byKey.get('d')).to.include({ state: 'missing', value: null, text: '–', spoken: 'keine Daten', colour: view.scheme.missing });
      expect(view.legend.suppressed.count).to.equal(2);
      expect(view.legend.missing.count).to.equal(1);
      expect(view.reference).to.include({ label: 'Stadt', text: '1.152\u00a0Personen' });
      expect(warnings).to.have.length(1);
      expect(String(warnings[0][0])).to.contain('"kids"');
    } finally {
      console.warn = warn;
    }
  });

  it("leaves the atlas's columns as loaded when it suppresses a small count", () => {
    const warn = console.warn;
    console.warn = () => {};
    try {
      const atlas = atlasWithRawCounts();
      styledView(atlas, { indicator: 'kids', level: 'area', year: 2020, locale: 'de' });
      const { numbers, states } = atlas.columns('kids', 'area', 2020);
      expect([numbers[0], states[0]]).to.deep.equal([2, ValueCode.number]);
    } finally {
      console.warn = warn;
    }
  });
});
