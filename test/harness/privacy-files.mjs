// Writes a random table (privacy-tables.mjs) as an office hands it over: GeoJSON boundaries per
// level, one German-format CSV per level and year, an indicator metadata CSV and a build config.
import { writeFileSync } from 'node:fs';
import path from 'node:path';

const square = (x, y, size) => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, y],
      [x + size, y],
      [x + size, y + size],
      [x, y + size],
      [x, y],
    ],
  ],
});

const german = (value) => (value === null || value === undefined ? '' : String(value).replace('.', ','));

/** Writes the files of `input` (from tableInput) into `dir`; returns the config file. */
export function writeAtlasSources(dir, input) {
  const [city, district, quarter] = input.levels;
  const quarterBoxes = new Map();
  quarter.areas.forEach((area, i) => quarterBoxes.set(area.key, square(8 + (i % 4) * 0.01, 52 + Math.floor(i / 4) * 0.01, 0.01)));
  const bounds = (keys) => {
    const xs = keys.flatMap((key) => quarterBoxes.get(key).coordinates[0].map(([x]) => x));
    const ys = keys.flatMap((key) => quarterBoxes.get(key).coordinates[0].map(([, y]) => y));
    const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    return { type: 'Polygon', coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]] };
  };
  const geometryOf = {
    quarter: (area) => quarterBoxes.get(area.key),
    district: (area) => bounds(quarter.areas.filter((q) => q.parent === area.key).map((q) => q.key)),
    city: () => bounds(quarter.areas.map((q) => q.key)),
  };
  for (const level of [city, district, quarter]) {
    const features = level.areas.map((area) => ({ type: 'Feature', properties: { key: area.key, name: area.name, parent: area.parent ?? '' }, geometry: geometryOf[level.id](area) }));
    writeFileSync(path.join(dir, `${level.id}.geojson`), JSON.stringify({ type: 'FeatureCollection', features }));
  }
  const columns = input.indicators.map((indicator) => indicator.id);
  const metadata = [
    'column;id;title;unit;decimals;kind;topic;definition;source;published;numerator;denominator;parts;change_of;additive',
    ...input.indicators.map((i) =>
      [i.id, i.id, i.title, i.unit, i.decimals, i.kind, 't', 'd', 's', i.published ? 'ja' : 'nein', i.numerator ?? '', i.denominator ?? '', (i.parts ?? []).join(' + '), i.changeOf ?? '', i.additive === false ? 'nein' : ''].join(';'),
    ),
  ];
  writeFileSync(path.join(dir, 'indicators.csv'), `${metadata.join('\n')}\n`);
  const tables = [];
  const years = [...new Set(input.blocks.map((block) => block.year))];
  for (const year of years) {
    for (const level of input.levels) {
      const blocks = columns.map((id) => input.blocks.find((b) => b.indicator === id && b.level === level.id && b.year === year));
      const present = columns.filter((_, k) => blocks[k]);
      const rows = [
        ['Schlüssel', 'Gebiet', ...present].join(';'),
        ['', 'Gesamt', ...blocks.filter(Boolean).map((b) => german(b.reference))].join(';'),
        ...level.areas.map((area) => [area.key, area.name, ...blocks.filter(Boolean).map((b) => german(b.values[area.key]))].join(';')),
      ];
      const file = path.join(dir, `${level.id}-${year}.csv`);
      writeFileSync(file, `${rows.join('\n')}\n`);
      tables.push({ file, level: level.id, year });
    }
  }
  const config = {
    atlas: {
      id: 'privacy-test',
      title: 'Privacy test',
      attribution: [{ text: 'test data' }],
      reference: { name: 'Stadt' },
      privacy: input.privacy,
      defaults: { level: 'quarter' },
      topics: [{ id: 't', title: 'T' }],
    },
    levels: [
      { id: 'city', title: 'City', boundaries: path.join(dir, 'city.geojson'), keyField: 'key', nameField: 'name' },
      { id: 'district', title: 'District', parent: 'city', boundaries: path.join(dir, 'district.geojson'), keyField: 'key', nameField: 'name', parentField: 'parent' },
      { id: 'quarter', title: 'Quarter', parent: 'district', boundaries: path.join(dir, 'quarter.geojson'), keyField: 'key', nameField: 'name', parentField: 'parent' },
    ],
    indicators: path.join(dir, 'indicators.csv'),
    tables,
  };
  const file = path.join(dir, 'atlas.config.json');
  writeFileSync(file, JSON.stringify(config, null, 1));
  return file;
}
