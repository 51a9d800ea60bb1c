import { uiLocale } from '../contract/localize.js';
import type { Locale, UiLocale } from '../contract/types.js';

/** The report's own UI strings; value texts ("k. A.", "–", numbers) come from the core. */
export interface ReportMessages {
  title: string;
  /** "Lohne (Oldenburg) im Vergleich mit Landkreis Vechta" */
  subtitle: (areas: string[], reference: string) => string;
  indicator: string;
  reference: string;
  /** "in %, 2013" / "2013" */
  unitAndYear: (unit: string, year: number) => string;
  higher: (difference: string) => string;
  lower: (difference: string) => string;
  same: string;
  /** Marks the reference of a count: it is the total. */
  total: string;
  /** Said once below the tables when a row's reference is a total. */
  totalsRule: string;
  percentPoints: string;
  permillePoints: string;
  definition: string;
  source: string;
  note: string;
  footnotes: string;
  attribution: string;
  dataYear: (year: number) => string;
  createdOn: (date: string) => string;
  pdf: string;
  pdfBusy: string;
  pdfFailed: (message: string) => string;
  print: string;
  tooManyAreas: (count: number) => string;
  noAreas: string;
  moreSelected: (count: number, max: number) => string;
  notOnLevel: (count: number, level: string) => string;
  unknownAreas: (keys: string[], level: string) => string;
  unknownIndicators: (ids: string[]) => string;
  noIndicators: string;
  sameRule: string;
  page: (page: number, count: number) => string;
}

const MESSAGES: Record<UiLocale, ReportMessages> = {
  de: {
    title: 'Sozialraumanalyse',
    subtitle: (areas, reference) => `${joinNames(areas, 'und')} im Vergleich mit ${reference}`,
    indicator: 'Indikator',
    reference: 'Referenz',
    unitAndYear: (unit, year) => (unit ? `in ${unit}, ${year}` : `${year}`),
    higher: (difference) => `${difference} höher`,
    lower: (difference) => `${difference} niedriger`,
    same: 'etwa gleich',
    total: 'Summe',
    totalsRule: 'Bei Anzahlen ist die Referenz die Summe aller Gebiete („Summe“); mit ihr wird ein Gebiet nicht verglichen.',
    percentPoints: 'Prozentpunkte',
    permillePoints: 'Promillepunkte',
    definition: 'Definition',
    source: 'Quelle',
    note: 'Hinweis',
    footnotes: 'Definitionen und Quellen',
    attribution: 'Nachweise',
    dataYear: (year) => `Datenstand ${year}`,
    createdOn: (date) => `erstellt am ${date}`,
    pdf: 'Als PDF herunterladen',
    pdfBusy: 'PDF wird erstellt …',
    pdfFailed: (message) => `Das PDF konnte nicht erstellt werden: ${message}`,
    print: 'Drucken',
    tooManyAreas: (count) =>
      `Der Bericht vergleicht höchstens drei Gebiete; angegeben sind ${count}. Bitte wählen Sie bis zu drei Gebiete aus (Attribut „areas“).`,
    noAreas: 'Bitte wählen Sie ein bis drei Gebiete aus (Attribut „areas“ oder Auswahl in einem verknüpften Element).',
    moreSelected: (count, max) => `${count} Gebiete sind ausgewählt; der Bericht vergleicht die ${max} zuletzt gewählten. Heben Sie eine Auswahl auf, um ein anderes Gebiet zu zeigen.`,
    notOnLevel: (count, level) => `${count === 1 ? 'Das ausgewählte Gebiet liegt' : 'Die ausgewählten Gebiete liegen'} nicht auf der Ebene „${level}“ dieses Berichts. Bitte wählen Sie ein Gebiet dieser Ebene.`,
    unknownAreas: (keys, level) => `Diese Gebietsschlüssel gibt es auf der Ebene „${level}“ nicht: ${keys.join(', ')}.`,
    unknownIndicators: (ids) => `Diese Indikatoren gibt es nicht oder sie sind nicht veröffentlicht: ${ids.join(', ')}.`,
    noIndicators: 'Für diese Ebene gibt es keine veröffentlichten Indikatoren.',
    sameRule:
      '„Etwa gleich“: Der Unterschied zur Referenz ist höchstens eine halbe Einheit der letzten gezeigten Nachkommastelle oder höchstens 1 % des Referenzwerts.',
    page: (page, count) => `Seite ${page} von ${count}`,
  },
  en: {
    title: 'Area report',
    subtitle: (areas, reference) => `${joinNames(areas, 'and')} compared with ${reference}`,
    indicator: 'Indicator',
    reference: 'Reference',
    unitAndYear: (unit, year) => (unit ? `in ${unit}, ${year}` : `${year}`),
    higher: (difference) => `${difference} higher`,
    lower: (difference) => `${difference} lower`,
    same: 'about the same',
    total: 'total',
    totalsRule: 'For counts the reference is the total of all areas ("total"); an area is not compared with it.',
    percentPoints: 'percentage points',
    permillePoints: 'per-mille points',
    definition: 'Definition',
    source: 'Source',
    note: 'Note',
    footnotes: 'Definitions and sources',
    attribution: 'Credits',
    dataYear: (year) => `Data as of ${year}`,
    createdOn: (date) => `created on ${date}`,
    pdf: 'Download as PDF',
    pdfBusy: 'Creating PDF …',
    pdfFailed: (message) => `The PDF could not be created: ${message}`,
    print: 'Print',
    tooManyAreas: (count) => `The report compares at most three areas; ${count} were given. Please choose up to three areas (attribute "areas").`,
    noAreas: 'Please choose one to three areas (attribute "areas" or a selection in a linked element).',
    moreSelected: (count, max) => `${count} areas are selected; the report compares the ${max} chosen most recently. Deselect one to show another area.`,
    notOnLevel: (count, level) => `The selected ${count === 1 ? 'area is' : 'areas are'} not on this report's level "${level}". Please choose an area of this level.`,
    unknownAreas: (keys, level) => `These area keys do not exist on level "${level}": ${keys.join(', ')}.`,
    unknownIndicators: (ids) => `These indicators do not exist or are not published: ${ids.join(', ')}.`,
    noIndicators: 'There are no published indicators for this level.',
    sameRule:
      '"About the same": the difference from the reference is at most half a unit of the last decimal shown, or at most 1 % of the reference value.',
    page: (page, count) => `Page ${page} of ${count}`,
  },
};

function joinNames(names: string[], and: string): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} ${and} ${names.at(-1)}`;
}

export function reportMessages(locale: Locale): ReportMessages {
  return MESSAGES[uiLocale(locale)];
}
