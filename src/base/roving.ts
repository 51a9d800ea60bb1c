/**
 * The one keyboard rule for moving between items inside an element (map areas, chart marks, the
 * POI list): ArrowRight/ArrowDown go to the next item, ArrowLeft/ArrowUp to the previous one, and
 * stop at the ends (no wrapping: a screen-reader user hears where the list ends); Home and End
 * jump to the first and last. With nothing chosen yet (`index` -1), forward starts at the first
 * item and backward at the last. Returns the new index, or undefined for any other key (or no items).
 */
export function rovingIndex(key: string, index: number, count: number): number | undefined {
  if (count === 0) return undefined;
  const last = count - 1;
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return index < 0 ? 0 : Math.min(last, index + 1);
    case 'ArrowLeft':
    case 'ArrowUp':
      return index < 0 ? last : Math.max(0, index - 1);
    case 'Home':
      return 0;
    case 'End':
      return last;
    default:
      return undefined;
  }
}
