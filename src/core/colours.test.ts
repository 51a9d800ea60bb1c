import { expect } from '@open-wc/testing';
import { color } from 'd3-color';
import { colourScheme, contrastIssues, contrastRatio, DEFAULT_MISSING, readColourOverrides } from './colours.js';

const rgb = (specifier: string) => color(specifier)!.rgb();

describe('colours', () => {
  it('chooses ColorBrewer sequential schemes by polarity', () => {
    expect(colourScheme({ polarity: 'higher-worse', classCount: 5 }).classes).to.deep.equal(['#fef0d9', '#fdcc8a', '#fc8d59', '#e34a33', '#b30000']);
    expect(colourScheme({ polarity: 'higher-better', classCount: 5 }).classes).to.deep.equal(['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c']);
    expect(colourScheme({ polarity: 'neutral', classCount: 5 }).classes).to.deep.equal(['#f2f0f7', '#cbc9e2', '#9e9ac8', '#756bb1', '#54278f']);
    expect(colourScheme({ classCount: 3 }).classes).to.deep.equal(colourScheme({ polarity: 'neutral', classCount: 3 }).classes);
  });

  it('has one colour per class from 1 to 7 classes, darker with higher classes', () => {
    for (let count = 1; count <= 7; count++) {
      const { classes } = colourScheme({ polarity: 'higher-worse', classCount: count });
      expect(classes).to.have.length(count);
      for (let i = 1; i < count; i++) expect(contrastRatio(classes[i], '#ffffff')).to.be.greaterThan(contrastRatio(classes[i - 1], '#ffffff'));
    }
  });

  it('diverges around the reference with the bad side red', () => {
    const worse = colourScheme({ polarity: 'higher-worse', classCount: 5, classesBelowReference: 2 }).classes;
    expect(worse).to.have.length(5);
    expect(rgb(worse[0]).b).to.be.greaterThan(rgb(worse[0]).r);
    expect(rgb(worse[4]).r).to.be.greaterThan(rgb(worse[4]).b);
    const better = colourScheme({ polarity: 'higher-better', classCount: 4, classesBelowReference: 2 }).classes;
    expect(rgb(better[0]).r).to.be.greaterThan(rgb(better[0]).b);
    expect(rgb(better[3]).b).to.be.greaterThan(rgb(better[3]).r);
  });

  it('marks suppressed with a hatch and missing with light grey, distinct from the classes', () => {
    const scheme = colourScheme({ polarity: 'neutral', classCount: 7 });
    expect(scheme.missing).to.equal(DEFAULT_MISSING);
    expect(scheme.classes).to.not.include(scheme.missing);
    expect(scheme.suppressed.stripe).to.not.equal(scheme.suppressed.base);
    expect(contrastRatio(scheme.suppressed.stripe, scheme.suppressed.base)).to.be.at.least(3);
  });

  it('takes overrides from --keck-* custom properties on an element', () => {
    const element = document.createElement('div');
    element.style.setProperty('--keck-class-1', '#123456');
    element.style.setProperty('--keck-missing', 'rgb(200, 200, 200)');
    element.style.setProperty('--keck-suppressed-stripe', 'black');
    document.body.append(element);
    const overrides = readColourOverrides(getComputedStyle(element));
    element.remove();
    expect(overrides).to.deep.equal({ '--keck-class-1': '#123456', '--keck-suppressed-stripe': 'black', '--keck-missing': 'rgb(200, 200, 200)' });
    const scheme = colourScheme({ polarity: 'neutral', classCount: 3, overrides });
    expect(scheme.classes[0]).to.equal('#123456');
    expect(scheme.classes[1]).to.equal(colourScheme({ polarity: 'neutral', classCount: 3 }).classes[1]);
    expect(scheme.missing).to.equal('rgb(200, 200, 200)');
    expect(scheme.suppressed.stripe).to.equal('black');
  });

  it('computes WCAG contrast ratios and lists colours below 3:1', () => {
    expect(contrastRatio('#000000', '#ffffff')).to.be.closeTo(21, 1e-9);
    expect(contrastRatio('#777777', 'white')).to.be.closeTo(4.48, 0.01);
    expect(contrastRatio('not a colour', '#fff')).to.be.NaN;
    const issues = contrastIssues(colourScheme({ polarity: 'higher-worse', classCount: 5 }));
    expect(issues.map((issue) => issue.role)).to.include.members(['class-1', 'missing']);
    expect(issues.map((issue) => issue.role)).to.not.include('class-5');
    expect(contrastIssues(colourScheme({ polarity: 'higher-worse', classCount: 5 }), '#000000').map((issue) => issue.role)).to.include('class-5');
  });
});
