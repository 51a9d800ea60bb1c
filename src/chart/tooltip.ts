import type { StyledView } from '../core/view.js';
import { shortTitle, uniqueLabels, type ChartModel } from './model.js';

/** A tooltip's content: the area's name and one line per value, in the core's formatted text ("k. A." included). */
export interface TooltipContent {
  name: string;
  lines: string[];
}

/** What a chart's tooltip says for the mark of `key` (a line chart's reference has the key ''; `year` picks its point). */
export function tooltipContent(model: ChartModel, key: string, year?: number): TooltipContent | undefined {
  const titled = (view: StyledView, text: string) => `${shortTitle(view.indicator, model.locale)}: ${text}`;
  if (model.type === 'line') {
    const views = year === undefined ? model.views : model.views.filter((view) => view.year === year);
    if (!views.length) return undefined;
    const name = key ? uniqueLabels(model.level.areas).get(key) : model.views[0].reference.label;
    if (!name) return undefined;
    return { name, lines: views.map((view) => `${view.year}: ${key ? (view.byKey.get(key)?.text ?? '') : view.reference.text}`) };
  }
  const views = model.type === 'scatter' ? [model.x, model.y] : model.views;
  const area = views[0].byKey.get(key);
  if (!area) return undefined;
  const name = uniqueLabels(views[0].areas).get(key) ?? area.name;
  const lines = views.map((view) => titled(view, view.byKey.get(key)?.text ?? ''));
  if (model.type !== 'scatter') lines.push(...views.map((view) => `${view.reference.label}: ${view.reference.text}`));
  return { name, lines: [...new Set(lines)] };
}

interface SceneMark {
  marktype: string;
  items: SceneItem[];
}

interface SceneItem {
  x?: number;
  y?: number;
  datum?: { key?: unknown };
  items?: SceneMark[];
  bounds?: { x1: number; y1: number; x2: number; y2: number };
}

/**
 * Where the mark of `key` is drawn, in pixels of the chart's SVG: found in vega's scenegraph (the
 * first bar, point or line point with that key, else its label), for the keyboard's tooltip. `origin` is the
 * view's origin (`view.origin()`).
 */
export function markBounds(root: unknown, key: string, origin: [number, number]): { x: number; y: number; width: number; height: number } | undefined {
  // A suppressed or missing value has no bar or point, only its "k. A." or "–" label.
  return findMark(root as SceneMark, key, origin, ['rect', 'symbol']) ?? findMark(root as SceneMark, key, origin, ['text']);
}

function findMark(root: SceneMark, key: string, origin: [number, number], types: string[]) {
  const walk = (mark: SceneMark, dx: number, dy: number): { x: number; y: number; width: number; height: number } | undefined => {
    for (const item of mark.items ?? []) {
      if (types.includes(mark.marktype) && item.datum?.key === key && item.bounds) {
        return { x: item.bounds.x1 + dx, y: item.bounds.y1 + dy, width: item.bounds.x2 - item.bounds.x1, height: item.bounds.y2 - item.bounds.y1 };
      }
      if (mark.marktype === 'group') {
        for (const child of item.items ?? []) {
          const found = walk(child, dx + (item.x ?? 0), dy + (item.y ?? 0));
          if (found) return found;
        }
      }
    }
    return undefined;
  };
  return walk(root, origin[0], origin[1]);
}
