import { plottedKeys } from './marks.js';
import { uniqueLabels, type ScatterModel } from './model.js';

/** What the placement needs of a drawn vega view: its scales and the plot's size. */
export interface PlacedView {
  scale(name: string): ((value: number) => number) | undefined;
  width(): number;
  height(): number;
}

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Keys whose scatter labels are drawn, right or left of their point. */
export interface LabelPlacement {
  right: string[];
  left: string[];
}

const POINT_RADIUS = 6;
const GAP = 7;

/**
 * Which points of a scatter plot get a visible name, so that no two labels overprint and none
 * leaves the plot: the selected areas first, then the extremes (lowest and highest on each axis),
 * then the others from the outside in; each label right of its point, else left of it, else not
 * at all (the tooltip and the table name it). The reference is named in the key above the plot.
 */
export function placeScatterLabels(model: ScatterModel, view: PlacedView, textWidth: (text: string) => number, lineHeight: number): LabelPlacement {
  const x = view.scale('x');
  const y = view.scale('y');
  const placement: LabelPlacement = { right: [], left: [] };
  if (!x || !y) return placement;
  const width = view.width();
  const height = view.height();
  const names = uniqueLabels(model.x.areas);
  const keys = plottedKeys(model);
  const point = (key: string) => [x(model.x.byKey.get(key)!.value!), y(model.y.byKey.get(key)!.value!)] as const;
  const taken: Box[] = keys.map((key) => {
    const [px, py] = point(key);
    return { left: px - POINT_RADIUS, right: px + POINT_RADIUS, top: py - POINT_RADIUS, bottom: py + POINT_RADIUS };
  });
  const selected = keys.filter((key) => model.selected.has(key));
  const extremes = [model.x, model.y].flatMap((axis) => {
    const sorted = keys.map((key) => ({ key, value: axis.byKey.get(key)!.value! })).sort((a, b) => a.value - b.value);
    return sorted.length ? [sorted[0].key, sorted[sorted.length - 1].key] : [];
  });
  const [cx, cy] = [width / 2, height / 2];
  const rest = [...keys].sort((a, b) => {
    const [ax, ay] = point(a);
    const [bx, by] = point(b);
    return Math.hypot(bx - cx, by - cy) - Math.hypot(ax - cx, ay - cy);
  });
  const pointCount = taken.length;
  const hits = (box: Box, other: Box) => box.left < other.right && box.right > other.left && box.top < other.bottom && box.bottom > other.top;
  // The selected and extreme points are named even over another point; the rest only where they cover none.
  const important = new Set([...selected, ...extremes]);
  const overlaps = (box: Box, key: string) => taken.some((other, i) => (i >= pointCount || !important.has(key)) && hits(box, other));
  for (const key of new Set([...selected, ...extremes, ...rest])) {
    const [px, py] = point(key);
    const w = textWidth(names.get(key)!);
    const top = py - lineHeight / 2;
    const bottom = py + lineHeight / 2;
    const right = { left: px + GAP, right: px + GAP + w, top, bottom };
    const left = { left: px - GAP - w, right: px - GAP, top, bottom };
    if (right.right <= width && !overlaps(right, key)) {
      placement.right.push(key);
      taken.push(right);
    } else if (left.left >= 0 && !overlaps(left, key)) {
      placement.left.push(key);
      taken.push(left);
    }
  }
  return placement;
}
