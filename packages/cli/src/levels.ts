import type { Feature } from 'geojson';
import type { Area, Level } from '../../../src/contract/types.js';
import { readBoundaries } from './boundaries.js';
import type { LevelConfig } from './config.js';
import { IssueList } from './errors.js';
import { coordinateProblem, polygonProblem, selfIntersection, type AreaGeometry } from './geometry-check.js';
import { keyMatcher } from './indicator-table.js';

export type AreaProperties = Record<string, string>;

/** A level read from its boundary files: the contract's level (without geometry URL yet) and its shapes. */
export interface LoadedLevel {
  config: LevelConfig;
  level: Level;
  features: Feature<AreaGeometry, AreaProperties>[];
  /** What reading noticed that does not stop the build: a missing or wrong `.cpg`, outlines that cross themselves. */
  warnings: string[];
}

/** Self-intersections reported one by one; beyond that, one line counts the rest. */
const CROSSINGS_REPORTED = 10;

/**
 * Reads a level's boundaries: every feature needs a key, a usable polygon and (for a nested
 * level) an enclosing area; all problems are reported together, by file and key.
 */
export async function loadLevel(config: LevelConfig, parent: Level | undefined): Promise<LoadedLevel> {
  const issues = new IssueList();
  const nameField = config.nameField ?? 'name';
  const features: Feature<AreaGeometry, AreaProperties>[] = [];
  const areas: Area[] = [];
  const seen = new Map<string, string>();
  const parentKey = parent ? keyMatcher(parent.areas) : undefined;
  const parentKeysLongestFirst = parent ? parent.areas.map((area) => area.key).sort((a, b) => b.length - a.length) : [];
  const warnings: string[] = [];
  let crossings = 0;

  for (const file of [config.boundaries].flat()) {
    const source = await readBoundaries(file);
    warnings.push(...source.warnings);
    if (source.features.length === 0) issues.add({ file, message: 'the file holds no features' });
    const coordinates = coordinateProblem(source.origin);
    if (coordinates) {
      issues.add({ file, message: coordinates });
      continue;
    }
    for (const feature of source.features) {
      const rawKey = feature.properties[config.keyField];
      const where = `feature ${feature.index + 1}`;
      if (rawKey === undefined || rawKey === null || String(rawKey).trim() === '') {
        issues.add({ file, message: `${where}: no key in property "${config.keyField}" (properties: ${Object.keys(feature.properties).join(', ') || 'none'})` });
        continue;
      }
      const key = String(rawKey).trim();
      if (seen.has(key)) {
        issues.add({ file, message: `area ${key}: duplicate key (also in ${seen.get(key)})` });
        continue;
      }
      seen.set(key, `${file} ${where}`);
      const problem = polygonProblem(feature.geometry);
      if (problem) {
        issues.add({ file, message: `area ${key}: unusable geometry: ${problem}` });
        continue;
      }
      const crossing = selfIntersection(feature.geometry as AreaGeometry);
      if (crossing && ++crossings <= CROSSINGS_REPORTED) {
        warnings.push(`${file}: area ${key}: the outline crosses itself near [${crossing.map((x) => Math.round(x * 1e6) / 1e6).join(', ')}]; the map may fill it wrongly — repair it (QGIS "Fix geometries", or ogr2ogr -makevalid)`);
      }
      const name = String(feature.properties[nameField] ?? key).trim();
      const area: Area = { key, name };
      if (parent) {
        const given = config.parentField ? feature.properties[config.parentField] : undefined;
        const parentMatch =
          given !== undefined && given !== null ? parentKey!(String(given).trim()) : parentKeysLongestFirst.find((candidate) => key.startsWith(candidate) && key !== candidate);
        if (parentMatch === undefined) {
          issues.add({
            file,
            message: `area ${key}: no enclosing area in level "${parent.id}" (${config.parentField ? `property "${config.parentField}" is ${JSON.stringify(given ?? null)}` : 'no key of it starts this key; set "parentField"'})`,
          });
          continue;
        }
        area.parent = parentMatch;
      }
      areas.push(area);
      features.push({ type: 'Feature', geometry: feature.geometry as AreaGeometry, properties: { [config.keyField]: key, [nameField]: name } });
    }
  }
  if (crossings > CROSSINGS_REPORTED) warnings.push(`level "${config.id}": and ${crossings - CROSSINGS_REPORTED} more areas whose outlines cross themselves`);
  issues.throwIfAny();
  const level: Level = { id: config.id, title: config.title, areas };
  if (config.parent) level.parent = config.parent;
  return { config, level, features, warnings };
}

/** Shows the tables' names instead of the boundaries' (`names: "table"`), on the map and everywhere else. */
export function useTableNames(loaded: LoadedLevel, names: ReadonlyMap<string, string>): void {
  const nameField = loaded.config.nameField ?? 'name';
  for (const area of loaded.level.areas) area.name = names.get(area.key) ?? area.name;
  const byKey = new Map(loaded.level.areas.map((area) => [area.key, area.name]));
  for (const feature of loaded.features) feature.properties[nameField] = byKey.get(feature.properties[loaded.config.keyField]) ?? feature.properties[nameField];
}
