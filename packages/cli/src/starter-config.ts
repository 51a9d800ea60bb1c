/**
 * The commented starter config `keck-atlas init` writes. JSON has no comments: keys that
 * start with "//" (and "$comment") are comments; the build ignores them at any depth.
 */
export function starterConfig(): string {
  const config = {
    '//': 'keck-atlas build config. Keys starting with "//" are comments. Paths are relative to this file. See docs/cli.md.',
    atlas: {
      '//': 'Atlas metadata. "reference" is the municipality as a whole: its values come from the reference row of each table.',
      id: 'my-atlas',
      title: 'Sozialatlas Musterstadt',
      publisher: 'Stadt Musterstadt, Statistikstelle',
      attribution: [
        {
          text: '© GeoBasis-DE / BKG 2024 (Daten verändert)',
          url: 'https://www.bkg.bund.de',
          licence: 'Datenlizenz Deutschland – Namensnennung – Version 2.0',
          licenceUrl: 'https://www.govdata.de/dl-de/by-2-0',
        },
      ],
      reference: { name: 'Musterstadt', label: 'Musterstadt (gesamt)', key: '05999000' },
      '// privacy': 'Counts 0–threshold are suppressed ("k. A."); threshold 3 or more. minPopulation: warn below it. The disclosure report goes beside this file (or --report), never into the output folder.',
      privacy: { threshold: 3, minPopulation: 50 },
      defaults: { level: 'bezirk', indicator: 'u15-share', year: 2024 },
      topics: [{ id: 'demography', title: { de: 'Bevölkerung', en: 'Population' } }],
    },
    levels: [
      {
        '//': 'One entry per spatial level. boundaries: .geojson, .zip (Shapefile with .prj) or .shp; several files are merged.',
        id: 'bezirk',
        title: { de: 'Stadtbezirke', en: 'Districts' },
        boundaries: 'boundaries/bezirke.zip',
        keyField: 'SCHLUESSEL',
        nameField: 'NAME',
      },
      {
        '//': 'parentField: property with the key of the enclosing area (else: the parent key that starts this key).',
        id: 'ortsteil',
        title: { de: 'Ortsteile', en: 'Neighbourhoods' },
        parent: 'bezirk',
        boundaries: 'boundaries/ortsteile.zip',
        keyField: 'SCHLUESSEL',
        nameField: 'NAME',
        parentField: 'BEZIRK',
      },
    ],
    '// indicators': 'The indicator metadata table: one row per indicator (column, id, title, unit, decimals, kind, polarity, topic, definition, source, published, numerator, denominator, without_counts, parts, change_of). Every share/rate names its counts in numerator and denominator, or says without_counts = ja.',
    indicators: 'indicators.csv',
    tables: [
      {
        '//': 'One table per level and year: key column ("Schlüssel"/"AGS"/"Key"), name column ("Gebiet"/"Name"), one column per indicator.',
        file: 'tables/ortsteile_2024.xlsx',
        level: 'ortsteil',
        year: 2024,
      },
      { file: 'tables/bezirke_2024.csv', level: 'bezirk', year: 2024 },
    ],
    '// populationIndicator': 'Count of the observed age group; areas below privacy.minPopulation get a warning.',
    populationIndicator: 'u15',
    poi: {
      categories: [{ id: 'kita', title: 'Kindertagesstätten', symbol: 'kita' }],
      sources: [{ '//': 'GeoJSON points, or CSV/XLSX with lon/lat columns (WGS84).', id: 'kitas', title: 'Kitas', file: 'poi/kitas.csv', categoryField: 'category' }],
    },
    bookmarks: [
      {
        id: 'children',
        title: 'Wo leben viele Kinder?',
        text: 'Der Anteil der unter 15-Jährigen ist im Norden am höchsten.',
        element: 'map',
        level: 'ortsteil',
        year: 2024,
        indicator: 'u15-share',
      },
    ],
    options: { '//': 'simplify: tolerance in metres for topology-preserving simplification (0: none).', simplify: 10 },
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}
