import { localize } from '../contract/localize.js';
import { messages } from '../core/messages.js';
import type { StyledArea, StyledView } from '../core/view.js';
import { chartMessages } from './messages.js';
import { shortTitle, type ChartModel } from './model.js';

/** The accessible name and the description of a chart, generated from its data. */
export interface ChartDescription {
  /** `Säulendiagramm: Anteil unter 15-Jährige, Gemeinde, 2013` */
  name: string;
  /** Highest and lowest value, the reference, and what has no value. */
  description: string;
}

export function describeChart(model: ChartModel): ChartDescription {
  const terms = chartMessages(model.locale);
  const level = localize(model.level.title, model.locale);
  switch (model.type) {
    case 'column':
    case 'bar': {
      const titles = model.views.map((view) => localize(view.indicator.title, model.locale)).join(', ');
      return {
        name: `${terms.typeName[model.type]}: ${titles}, ${level}, ${model.year}`,
        description: model.views.map((view) => summary(view, model.views.length > 1)).join(' '),
      };
    }
    case 'scatter':
      return {
        name: `${terms.typeName.scatter}: ${shortTitle(model.x.indicator, model.locale)} / ${shortTitle(model.y.indicator, model.locale)}, ${level}, ${model.year}`,
        description: `${summary(model.x, true)} ${summary(model.y, true)}`,
      };
    case 'line': {
      const years = model.views.map((view) => view.year);
      const span = years.length ? `${years[0]}–${years[years.length - 1]}` : '';
      const names = model.areas.map((key) => model.level.areas.find((area) => area.key === key)?.name ?? key);
      const series = [model.views[0]?.reference.label, ...names].filter(Boolean).join(', ');
      return {
        name: `${terms.typeName.line}: ${localize(model.indicator.title, model.locale)}, ${terms.development(span)}`,
        description: `${series}. ${model.views.map((view) => `${view.year}: ${view.reference.label} ${view.reference.spoken}`).join('; ')}.`,
      };
    }
  }
}

function summary(view: StyledView, named: boolean): string {
  const terms = chartMessages(view.locale);
  const numbers = view.areas.filter((area): area is StyledArea & { value: number } => area.value !== null);
  const parts: string[] = [];
  if (numbers.length) {
    const highest = numbers.reduce((a, b) => (b.value > a.value ? b : a));
    const lowest = numbers.reduce((a, b) => (b.value < a.value ? b : a));
    parts.push(`${terms.highest}: ${highest.name} ${highest.spoken}.`, `${terms.lowest}: ${lowest.name} ${lowest.spoken}.`);
  }
  parts.push(`${view.reference.label}: ${view.reference.spoken}.`);
  const without = view.areas.filter((area) => area.value === null);
  const valueTerms = messages(view.locale);
  const suppressed = without.filter((area) => area.state === 'suppressed').map((area) => area.name);
  const missing = without.filter((area) => area.state === 'missing').map((area) => area.name);
  if (suppressed.length) parts.push(`${valueTerms.suppressedSpoken}: ${suppressed.join(', ')}.`);
  if (missing.length) parts.push(`${valueTerms.missingSpoken}: ${missing.join(', ')}.`);
  const text = parts.join(' ');
  return named ? `${localize(view.indicator.title, view.locale)}: ${text}` : text;
}
