import { uiLocale } from '../contract/localize.js';
import type { Locale } from '../contract/types.js';

const MESSAGES = {
  de: {
    map: 'Karte',
    mapLabel: (indicator: string, level: string, year: number) => `Karte: ${indicator}, ${level}, ${year}`,
    unknownIndicator: (id: string, level: string) => `Der Atlas hat auf der Ebene „${level}“ keinen veröffentlichten Indikator „${id}“ (Attribut „indicator“).`,
    keyboardHelp: 'Tastatur: Pfeiltasten wechseln das Gebiet (alphabetisch), Eingabetaste wählt es aus, Escape hebt die Auswahl auf, + und − zoomen.',
    reference: 'Vergleich',
    selected: 'ausgewählt',
    deselected: 'Auswahl aufgehoben',
    selectionCleared: 'Auswahl aufgehoben',
    legend: 'Legende',
    areas: (count: number) => (count === 1 ? '1 Gebiet' : `${count} Gebiete`),
    columns: 'Säulen',
    source: 'Quelle',
    geometry: 'Geometrie',
    table: 'Daten als Tabelle',
    area: 'Gebiet',
    exportAs: 'Karte herunterladen als',
    indicator: 'Indikator',
    level: 'Ebene',
    year: 'Jahr',
    mapControls: 'Kartenauswahl',
    loadingShapes: 'Gebiete werden geladen …',
    basemapFailed: 'Die Hintergrundkarte konnte nicht geladen werden; die Gebiete sind ohne sie gezeichnet.',
    unitIn: (unit: string) => `in ${unit}`,
    columnScale: (largest: string) => `volle Höhe: ${largest} (größter Wert), Grundlinie 0`,
    columnsHidden: (count: number) => `Säulen sind bei ${count.toLocaleString('de-DE')} Gebieten nicht lesbar und daher ausgeblendet; ihre Werte stehen in der Tabelle.`,
    drawFailed: (detail: string) => `Die Karte konnte nicht gezeichnet werden (${detail}). Eine Änderung der Auswahl zeichnet sie neu.`,
    workerFailed: (url: string) =>
      `Die Karte konnte ihren Worker nicht laden (${url}). Liegt die Datei dort, liefert der Server .mjs als JavaScript aus, und erlaubt die Content-Security-Policy worker-src für diese Adresse (siehe docs/embedding.md)?`,
  },
  en: {
    map: 'map',
    mapLabel: (indicator: string, level: string, year: number) => `Map: ${indicator}, ${level}, ${year}`,
    unknownIndicator: (id: string, level: string) => `The atlas has no published indicator "${id}" on the level "${level}" (attribute "indicator").`,
    keyboardHelp: 'Keyboard: arrow keys move between areas (alphabetical), Enter selects, Escape clears the selection, + and − zoom.',
    reference: 'Reference',
    selected: 'selected',
    deselected: 'deselected',
    selectionCleared: 'Selection cleared',
    legend: 'Legend',
    areas: (count: number) => (count === 1 ? '1 area' : `${count} areas`),
    columns: 'Columns',
    source: 'Source',
    geometry: 'Geometry',
    table: 'Data as a table',
    area: 'Area',
    exportAs: 'Download the map as',
    indicator: 'Indicator',
    level: 'Level',
    year: 'Year',
    mapControls: 'Map selection',
    loadingShapes: 'Loading the areas …',
    basemapFailed: 'The base map could not be loaded; the areas are drawn without it.',
    unitIn: (unit: string) => `in ${unit}`,
    columnScale: (largest: string) => `full height: ${largest} (largest value), baseline 0`,
    columnsHidden: (count: number) => `Columns cannot be read on ${count.toLocaleString('en-GB')} areas and are hidden; their values are in the table.`,
    drawFailed: (detail: string) => `The map could not be drawn (${detail}). Changing the view draws it again.`,
    workerFailed: (url: string) =>
      `The map could not load its worker (${url}). Is the file there, does the server send .mjs as JavaScript, and does the Content-Security-Policy allow worker-src for that address (see docs/embedding.md)?`,
  },
};

export type MapMessages = (typeof MESSAGES)['de'];

/** The map's UI texts for a locale. */
export function mapMessages(locale: Locale): MapMessages {
  return MESSAGES[uiLocale(locale)];
}
