import type { ContractIssue } from '../../../src/contract/issues.js';
import type { AtlasManifest } from '../../../src/contract/types.js';
import type { DataIssue } from './errors.js';
import { metadataIssue, type IndicatorMetadata, type MetadataField } from './metadata.js';

/** Where each part of an assembled manifest came from. */
export interface ManifestSources {
  configFile: string;
  metadata: IndicatorMetadata[];
  manifest: AtlasManifest;
  /** For each bookmark of the manifest, its index in the config's `bookmarks`. */
  bookmarkIndex: number[];
}

/** Manifest keys copied from the config's `atlas` object. */
const FROM_ATLAS = new Set(['id', 'title', 'description', 'publisher', 'attribution', 'reference', 'privacy', 'defaults', 'topics']);
const LOCALIZED_FIELDS: Partial<Record<string, MetadataField>> = { title: 'titleEn', shortTitle: 'shortTitleEn', definition: 'definitionEn' };
const INDICATOR_FIELDS = new Set<string>(['id', 'title', 'shortTitle', 'unit', 'decimals', 'kind', 'polarity', 'topic', 'definition', 'source', 'published', 'numerator', 'denominator', 'withoutCounts', 'parts', 'changeOf', 'additive', 'note']);

/**
 * Names the place the office can fix for a problem the contract finds in the manifest the
 * build assembled: the config key, or the metadata table's row and column. Problems in what
 * the build computed itself keep their manifest path.
 */
export function sourcePlace(issue: ContractIssue, sources: ManifestSources): DataIssue {
  const message = `expected ${issue.expected}, found ${issue.found}`;
  const match = /^\$\.(\w+)(?:\[(\d+)\])?(.*)$/.exec(issue.path);
  if (!match) return { file: issue.file, key: issue.path, message };
  const [, section, indexText, rest] = match;
  const index = indexText === undefined ? undefined : Number(indexText);
  const config = (key: string): DataIssue => ({ file: sources.configFile, key, message });
  const at = index === undefined ? '' : `[${index}]`;
  if (FROM_ATLAS.has(section)) return config(`atlas.${section}${at}${rest}`);
  if (section === 'levels' && index !== undefined && !rest.startsWith('.areas') && !rest.startsWith('.geometry')) return config(`levels${at}${rest}`);
  if (section === 'bookmarks' && index !== undefined) return config(`bookmarks[${sources.bookmarkIndex[index]}]${rest}`);
  if (section === 'poiCategories') return config(`poi.categories${at}${rest}`);
  if (section === 'poiSources' && index !== undefined) return config(`poi.sources${at}${rest.replace(/^\.url/, '.output')}`);
  if (section === 'indicators' && index !== undefined) {
    const id = sources.manifest.indicators[index]?.id;
    const entry = sources.metadata.find((candidate) => candidate.indicator.id === id);
    const [, field = '', language] = /^\.(\w+)(?:\.(en|de))?/.exec(rest) ?? [];
    if (entry && INDICATOR_FIELDS.has(field)) return metadataIssue(entry, (language === 'en' ? LOCALIZED_FIELDS[field] : undefined) ?? (field as MetadataField), message);
    if (entry) return { file: entry.file, row: entry.row, message: `${issue.path.replace(/^\$\.indicators\[\d+\]/, `indicator "${id}"`)}: ${message}` };
  }
  return { file: issue.file, key: issue.path, message };
}
