import { uiLocale } from '../contract/localize.js';
import type { Locale } from '../contract/types.js';

export type ChartType = 'column' | 'bar' | 'scatter' | 'line';

const MESSAGES = {
  de: {
    typeName: { column: 'Säulendiagramm', bar: 'Balkendiagramm', scatter: 'Streudiagramm', line: 'Liniendiagramm' } as Record<ChartType, string>,
    highest: 'Höchster Wert',
    lowest: 'Niedrigster Wert',
    tableSummary: 'Daten als Tabelle',
    area: 'Gebiet',
    year: 'Jahr',
    exportLabel: 'Diagramm exportieren',
    keyHint: 'Pfeiltasten wechseln von Gebiet zu Gebiet, Eingabe- oder Leertaste wählt das Gebiet aus oder ab.',
    selected: 'ausgewählt',
    notSelected: 'nicht ausgewählt',
    exportAs: (format: string) => `Als ${format} herunterladen`,
    exportFailed: 'Der Export ist fehlgeschlagen.',
    source: 'Quelle',
    development: (years: string) => `Entwicklung ${years}`,
    noIndicator: 'Für diese Ebene ist kein veröffentlichter Indikator vorhanden.',
    scatterNeedsTwo: 'Ein Streudiagramm braucht zwei Indikatoren (Attribut „indicators“, z. B. "a,b").',
    unknownType: (type: string) => `Unbekannter Diagrammtyp „${type}“ (column, bar, scatter, line).`,
    unknownIndicator: (id: string) => `Der Atlas hat keinen veröffentlichten Indikator „${id}“.`,
    unknownLevel: (id: string) => `Der Atlas hat keine Ebene „${id}“.`,
  },
  en: {
    typeName: { column: 'Column chart', bar: 'Bar chart', scatter: 'Scatter plot', line: 'Line chart' } as Record<ChartType, string>,
    highest: 'Highest value',
    lowest: 'Lowest value',
    tableSummary: 'Data as a table',
    area: 'Area',
    year: 'Year',
    exportLabel: 'Export chart',
    keyHint: 'Arrow keys move from area to area; Enter or Space selects or deselects the area.',
    selected: 'selected',
    notSelected: 'not selected',
    exportAs: (format: string) => `Download as ${format}`,
    exportFailed: 'The export failed.',
    source: 'Source',
    development: (years: string) => `Development ${years}`,
    noIndicator: 'There is no published indicator for this level.',
    scatterNeedsTwo: 'A scatter plot needs two indicators (attribute "indicators", e.g. "a,b").',
    unknownType: (type: string) => `Unknown chart type "${type}" (column, bar, scatter, line).`,
    unknownIndicator: (id: string) => `The atlas has no published indicator "${id}".`,
    unknownLevel: (id: string) => `The atlas has no level "${id}".`,
  },
};

export type ChartMessages = (typeof MESSAGES)['de'];

export function chartMessages(locale: Locale): ChartMessages {
  return MESSAGES[uiLocale(locale)];
}
