import type { Feature } from 'geojson';
import type { Area, Level } from '../contract/types.js';
import { readBoundaries } from './boundaries.js';
import type { LevelConfig } from './config.js';
import { IssueList } from './errors.js';
import { polygonProblem, type AreaGeometry } from './geometry-check.js';
import { keyMatcher } from './indicator-table.js';

export type AreaProperties = Record<string, string>;

/** A level read from its boundary files: the contract's level (without geometry URL yet) and its shapes. */
export interface LoadedLevel {
  config: LevelConfig;
  level: Level;
  features: Feature<AreaGeometry, AreaProperties>[];
}

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

  for (const file of [config.boundaries].flat()) {
    const source = await readBoundaries(file);
    if (source.features.length === 0) issues.add({ file, message: 'the file holds no features' });
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
  issues.throwIfAny();
  const level: Level = { id: config.id, title: config.title, areas };
  if (config.parent) level.parent = config.parent;
  return { config, level, features };
}
