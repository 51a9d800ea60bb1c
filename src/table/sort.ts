import type { Locale } from '../contract/types.js';
import type { TableRow } from './table-model.js';

/** What the rows are sorted by: the name, the key, or the value column at an index. */
export type SortColumn = 'name' | 'key' | number;

export interface SortState {
  column: SortColumn;
  ascending: boolean;
}

/**
 * The rows sorted by a column. Suppressed and missing values come last in both directions
 * (suppressed before missing), so the order never hints at a hidden value; ties keep the level order.
 */
export function sortRows(rows: readonly TableRow[], sort: SortState | undefined, locale: Locale): TableRow[] {
  if (!sort) return [...rows];
  const direction = sort.ascending ? 1 : -1;
  const collator = new Intl.Collator(locale, { numeric: true, sensitivity: 'base' });
  const compare = (a: TableRow, b: TableRow): number => {
    if (sort.column === 'name') return direction * collator.compare(a.name, b.name);
    if (sort.column === 'key') return direction * collator.compare(a.key, b.key);
    const left = a.cells[sort.column];
    const right = b.cells[sort.column];
    const rank = (state: string) => (state === 'number' ? 0 : state === 'suppressed' ? 1 : 2);
    if (left.state !== 'number' || right.state !== 'number') return rank(left.state) - rank(right.state);
    return direction * ((left.value as number) - (right.value as number));
  };
  return [...rows].sort((a, b) => compare(a, b) || a.index - b.index);
}
