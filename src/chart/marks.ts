import { messages } from '../core/messages.js';
import type { StyledView } from '../core/view.js';
import { shortTitle, uniqueLabels, type CategoryModel, type ChartModel, type ScatterModel } from './model.js';

/** Area keys of a column or bar chart in drawn order: highest value of the first indicator first. */
export function categoryOrder(model: CategoryModel): string[] {
  return [...model.views[0].areas].sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity)).map((area) => area.key);
}

/** Area keys of a scatter plot that have a number in both indicators (one point each), in level order. */
export function plottedKeys(model: ScatterModel): string[] {
  return model.x.areas.filter((area) => area.value !== null && model.y.byKey.get(area.key)?.value != null).map((area) => area.key);
}

/**
 * Lines naming the areas of a scatter plot that get no point, per indicator and state, with the
 * core's marks: `Anteil unter 6-Jährige, k. A.: Lindenhof`. Empty when every area has a point.
 */
export function unplottedLines(model: ScatterModel): string[] {
  const terms = messages(model.locale);
  const labels = uniqueLabels(model.x.areas);
  const lines: string[] = [];
  for (const view of [model.x, model.y]) {
    for (const [state, mark] of [['suppressed', terms.suppressed], ['missing', terms.missing]] as const) {
      const names = view.areas.filter((area) => area.state === state).map((area) => labels.get(area.key)!);
      if (names.length) lines.push(`${shortTitle(view.indicator, model.locale)}, ${mark}: ${names.join(', ')}`);
    }
  }
  return lines;
}

/** Area keys whose marks the keyboard moves between, in the order they are drawn. */
export function markOrder(model: ChartModel): string[] {
  switch (model.type) {
    case 'column':
    case 'bar':
      return categoryOrder(model);
    case 'scatter':
      return plottedKeys(model);
    case 'line':
      return model.areas;
  }
}

/** What a screen reader says for an area's mark: `Name: value` in the core's spoken text. */
export function spokenMark(model: ChartModel, key: string): string {
  const areas = model.type === 'scatter' ? model.x.areas : model.type === 'line' ? model.level.areas : model.views[0].areas;
  const name = uniqueLabels(areas).get(key) ?? key;
  const spoken = (view: StyledView) => view.byKey.get(key)?.spoken ?? '';
  const titled = (view: StyledView) => `${shortTitle(view.indicator, model.locale)} ${spoken(view)}`;
  switch (model.type) {
    case 'column':
    case 'bar':
      return `${name}: ${model.views.length > 1 ? model.views.map(titled).join(', ') : spoken(model.views[0])}`;
    case 'scatter':
      return `${name}: ${titled(model.x)}, ${titled(model.y)}`;
    case 'line':
      return `${name}: ${model.views.map((view) => `${view.year} ${spoken(view)}`).join(', ')}`;
  }
}
