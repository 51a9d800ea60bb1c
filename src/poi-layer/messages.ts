import { uiLocale } from '../contract/localize.js';
import type { Locale } from '../contract/types.js';

const MESSAGES = {
  de: {
    categories: 'Kategorien',
    inView: (count: number) => `Im Kartenausschnitt (${count})`,
    more: (count: number) => `… und ${count} weitere: Karte vergrößern, um sie zu sehen.`,
    none: 'Keine Einrichtungen im Kartenausschnitt.',
    address: 'Adresse',
    openingHours: 'Öffnungszeiten',
    targetGroup: 'Zielgruppe',
    capacity: 'Plätze',
    website: 'Website',
    category: 'Kategorie',
    close: 'Schließen',
    fictional: 'Fiktive Beispieldaten',
    loading: 'Einrichtungen werden geladen …',
    notInMap: 'Dieses Element muss in einer <keck-map> stehen.',
    unknownSource: (id: string, known: string[]) => `Der Atlas hat keine POI-Quelle „${id}“ (Attribut „src“).` + (known.length ? ` Vorhanden: ${known.join(', ')}.` : ''),
    skipped: (count: number, first: string) => `${count === 1 ? 'Eine Einrichtung' : `${count} Einrichtungen`} nicht angezeigt (fehlerhafte Daten), z. B. ${first}`,
  },
  en: {
    categories: 'Categories',
    inView: (count: number) => `In the map view (${count})`,
    more: (count: number) => `… and ${count} more: zoom in to see them.`,
    none: 'No facilities in the map view.',
    address: 'Address',
    openingHours: 'Opening hours',
    targetGroup: 'Target group',
    capacity: 'Places',
    website: 'Website',
    category: 'Category',
    close: 'Close',
    fictional: 'Fictional sample data',
    loading: 'Loading facilities …',
    notInMap: 'This element must be inside a <keck-map>.',
    unknownSource: (id: string, known: string[]) => `The atlas has no POI source "${id}" (attribute "src").` + (known.length ? ` Available: ${known.join(', ')}.` : ''),
    skipped: (count: number, first: string) => `${count === 1 ? 'One facility' : `${count} facilities`} not shown (faulty data), e.g. ${first}`,
  },
};

export type PoiMessages = (typeof MESSAGES)['de'];

export function poiMessages(locale: Locale): PoiMessages {
  return MESSAGES[uiLocale(locale)];
}
