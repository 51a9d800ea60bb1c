import path from 'node:path';
import type { Feature, Point } from 'geojson';
import { readBoundaries } from './boundaries.js';
import type { PoiSourceConfig } from './config.js';
import { IssueList } from './errors.js';
import { parseNumber } from './cell-value.js';
import { coordinateProblem, positionsBbox } from './geometry-check.js';
import { findColumn, readTable, type Cell } from './table.js';

const LON_HEADERS = ['lon', 'lng', 'longitude', 'länge', 'x'];
const LAT_HEADERS = ['lat', 'latitude', 'breite', 'y'];

/**
 * Reads a POI source: GeoJSON points (a `.prj`-carrying Shapefile works too) or a CSV/XLSX
 * table with WGS84 longitude and latitude columns. Every point needs a known category.
 */
export async function readPois(source: PoiSourceConfig, categories: Set<string>): Promise<Feature<Point>[]> {
  const extension = path.extname(source.file).toLowerCase();
  const categoryField = source.categoryField ?? 'category';
  const issues = new IssueList();
  const points: Feature<Point>[] = [];
  const accept = (properties: Record<string, unknown>, coordinates: number[] | undefined, where: { row?: number; message: string }) => {
    const category = properties[categoryField];
    if (!coordinates || !coordinates.every(Number.isFinite) || Math.abs(coordinates[0]) > 180 || Math.abs(coordinates[1]) > 90) {
      issues.add({ file: source.file, row: where.row, message: `${where.message}: expected a point with WGS84 longitude/latitude, found ${JSON.stringify(coordinates ?? null)}` });
    } else if (typeof category !== 'string' || !categories.has(category)) {
      issues.add({ file: source.file, row: where.row, column: categoryField, message: `${where.message}: expected a category of ${[...categories].join(', ')}, found ${JSON.stringify(category ?? null)}` });
    } else {
      points.push({ type: 'Feature', geometry: { type: 'Point', coordinates: coordinates.slice(0, 2) }, properties });
    }
  };

  if (extension === '.csv' || extension === '.xlsx') {
    const table = await readTable(source.file);
    const lonAt = findColumn(table, source.lonColumn ? [source.lonColumn] : LON_HEADERS);
    const latAt = findColumn(table, source.latColumn ? [source.latColumn] : LAT_HEADERS);
    if (lonAt < 0 || latAt < 0) {
      issues.add({ file: source.file, row: 1, message: `expected longitude and latitude columns (e.g. "lon" and "lat"; set "lonColumn"/"latColumn"), found ${table.header.join(', ')}` });
      issues.throwIfAny();
    }
    const rows = table.rows.map(({ row, cells }) => ({ row, cells, coordinates: [coordinate(cells, lonAt), coordinate(cells, latAt)] }));
    const bbox = positionsBbox([{ type: 'MultiPoint', coordinates: rows.map((entry) => entry.coordinates) }]);
    const problem = coordinateProblem({ stated: 'table', sourceBbox: bbox, bbox });
    if (problem) {
      issues.add({ file: source.file, column: `${table.header[lonAt]}/${table.header[latAt]}`, message: problem });
      issues.throwIfAny();
    }
    for (const { row, cells, coordinates } of rows) {
      // Keys come from the table's header: no prototype, so that a header "__proto__" is a column like any other.
      const properties: Record<string, unknown> = Object.create(null);
      table.header.forEach((header, at) => {
        if (at !== lonAt && at !== latAt && cells[at] !== null && cells[at] !== undefined) properties[header] = cells[at];
      });
      accept(properties, coordinates, { row, message: 'point' });
    }
  } else {
    const { features, origin } = await readBoundaries(source.file);
    const problem = coordinateProblem(origin);
    if (problem) {
      issues.add({ file: source.file, message: problem });
      issues.throwIfAny();
    }
    for (const feature of features) {
      const geometry = feature.geometry;
      accept(feature.properties, geometry?.type === 'Point' ? geometry.coordinates : undefined, { message: `feature ${feature.index + 1}` });
    }
  }
  issues.throwIfAny();
  return points;
}

function coordinate(cells: Cell[], at: number): number {
  const cell = cells[at];
  return typeof cell === 'number' ? cell : cell === null || cell === undefined ? NaN : (parseNumber(cell.replace(/\s/g, ''), cell.includes(',') ? 'de' : 'en') ?? NaN);
}
