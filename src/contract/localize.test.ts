import { expect } from '@open-wc/testing';
import { localize, uiLocale } from './localize.js';

describe('localize', () => {
  const text = { de: 'Kinder', en: 'Children', tr: 'Çocuklar', 'de-CH': 'Chind' };

  it('shows a plain string in every language', () => {
    expect(localize('Kinder', 'tr')).to.equal('Kinder');
    expect(localize(undefined, 'de')).to.equal('');
  });

  it('shows the text in the language the page asks for, tags compared case-insensitively', () => {
    expect(localize(text, 'tr')).to.equal('Çocuklar');
    expect(localize(text, 'en')).to.equal('Children');
    expect(localize(text, 'DE-ch')).to.equal('Chind');
    expect(localize(text)).to.equal('Kinder');
  });

  it('falls back from a region tag to its language, then to another region of it', () => {
    expect(localize(text, 'de-AT')).to.equal('Kinder');
    expect(localize(text, 'tr-TR')).to.equal('Çocuklar');
    expect(localize({ 'en-GB': 'Children', de: 'Kinder' }, 'en-US')).to.equal('Children');
    expect(localize({ 'de-CH': 'Chind', en: 'Children' }, 'de')).to.equal('Chind');
  });

  it('falls back to German, then English, then the first text given', () => {
    expect(localize(text, 'fr')).to.equal('Kinder');
    expect(localize({ tr: 'Çocuklar', en: 'Children' }, 'fr')).to.equal('Children');
    expect(localize({ tr: 'Çocuklar', ar: 'أطفال' }, 'fr')).to.equal('Çocuklar');
  });

  it('chooses the elements\' own language: English for any English tag, else German', () => {
    expect(['en', 'en-US', 'EN-gb', 'de', 'de-CH', 'tr', 'fr'].map(uiLocale)).to.deep.equal(['en', 'en', 'en', 'de', 'de', 'de', 'de']);
  });
});
