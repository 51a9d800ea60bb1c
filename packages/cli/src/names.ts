import type { Area } from '../../../src/contract/types.js';

/** An area name reduced to what identifies it: the base name and the qualifier in brackets, if any. */
interface ComparableName {
  base: string;
  qualifier?: string;
}

/** Designations that official tables add before or after the name ("Stadt Vechta", "Clenze, Flecken", "gfG. Gartow"). */
const PREFIXES = /^(stadt|gemeinde|flecken|markt|hansestadt|kreisstadt|kreisfreie stadt|stadtkreis|landkreis|kreis|lk|region|gfg|gemeindefreies gebiet|gemfr(eies)? geb(iet)?)\s+/;
const ABBREVIATIONS: [RegExp, string][] = [
  [/\ba\.\s*d\./g, 'an der '],
  [/\bi\.\s*d\./g, 'in der '],
  [/\bv\.\s*d\./g, 'vor der '],
  [/\ba\.\s*/g, 'am '],
  [/\bi\.\s*/g, 'im '],
  [/\bb\.\s*/g, 'bei '],
  [/\bst\.\s*/g, 'sankt '],
];

/** Lower case, umlauts written out, accents, punctuation and abbreviations (a.d., St.) reduced: for comparing labels. */
export function simpleName(text: string): string {
  let result = text.normalize('NFC').toLowerCase().replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss');
  for (const [pattern, replacement] of ABBREVIATIONS) result = result.replace(pattern, replacement);
  return result
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * "Lohne (Oldenburg)", "Lohne, Stadt" and "Stadt Lohne" all become `{base: "lohne"}` (the first
 * with qualifier "oldenburg"): case, umlauts (ä/ae, ß/ss), hyphens and spaces, designations after
 * a comma or before the name, and the usual abbreviations (a.d., St.) do not count.
 */
export function comparableName(name: string): ComparableName {
  const withoutDesignation = name.replace(/,.*$/s, '');
  const qualifiers = [...withoutDesignation.matchAll(/\(([^)]*)\)/g)].map((match) => simpleName(match[1])).filter(Boolean);
  let base = simpleName(withoutDesignation.replace(/\([^)]*\)/g, ' '));
  for (let previous = ''; previous !== base; ) {
    previous = base;
    base = base.replace(PREFIXES, '');
  }
  return qualifiers.length ? { base, qualifier: qualifiers.join(' ') } : { base };
}

/** Same place: the same base name, and the same qualifier where both names have one. */
function sameName(a: ComparableName, b: ComparableName): boolean {
  return a.base === b.base && (a.qualifier === undefined || b.qualifier === undefined || a.qualifier === b.qualifier);
}

/** How a table's name for a key relates to the boundaries' names. */
export type NameComparison = { kind: 'same' } | { kind: 'different'; own: string } | { kind: 'other'; own: string; others: Area[] };

/** The boundaries' area names of one level, for comparing the names a table gives its rows. */
export class AreaNames {
  private readonly byKey = new Map<string, { area: Area; name: ComparableName }>();
  private readonly byBase = new Map<string, { area: Area; name: ComparableName }[]>();

  constructor(areas: Area[]) {
    for (const area of areas) {
      const entry = { area, name: comparableName(area.name) };
      this.byKey.set(area.key, entry);
      const list = this.byBase.get(entry.name.base) ?? [];
      list.push(entry);
      this.byBase.set(entry.name.base, list);
    }
  }

  /** Compares the name a table gives to area `key` with the boundaries' name for it. */
  compare(key: string, tableName: string): NameComparison {
    const own = this.byKey.get(key);
    if (!own) return { kind: 'same' };
    const name = comparableName(tableName);
    if (sameName(name, own.name)) return { kind: 'same' };
    const others = this.areasNamed(tableName).filter((area) => area.key !== key);
    return others.length ? { kind: 'other', own: own.area.name, others } : { kind: 'different', own: own.area.name };
  }

  nameOf(key: string): string | undefined {
    return this.byKey.get(key)?.area.name;
  }

  /** The areas whose boundary name is the same place as `name`. */
  areasNamed(name: string): Area[] {
    const wanted = comparableName(name);
    return (this.byBase.get(wanted.base) ?? []).filter((entry) => sameName(wanted, entry.name)).map((entry) => entry.area);
  }
}
