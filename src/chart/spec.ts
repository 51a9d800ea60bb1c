import type { TopLevelSpec } from 'vega-lite';
import { charactersIn, wrapText } from '../base/wrap-text.js';
import { localize } from '../contract/localize.js';
import type { StyledView } from '../core/view.js';
import { categoryOrder, plottedKeys, unplottedLines } from './marks.js';
import { axisTitle, shortTitle, uniqueLabels, type CategoryModel, type ChartModel, type LineModel, type ScatterModel } from './model.js';
import type { ChartTheme } from './theme.js';
import { vegaLocale } from './vega-locale.js';

/** The chart's width in CSS pixels, axes and labels included (vega fits the plot into it). */
export interface ChartSize {
  width: number;
}

/** A bar chart with more areas than this gets no value label on each bar (suppressed and missing ones always do). */
const BAR_LABEL_LIMIT = 60;

/** Names of the signals with the keys whose scatter labels are drawn right and left of their point. */
export const LABEL_SIGNALS = { right: 'labelsRight', left: 'labelsLeft' } as const;

/** Name of the vega signal holding the key of the area highlighted from the keyboard ('' for none). */
export const FOCUS_SIGNAL = 'focus';
const FOCUSED = `datum.key !== '' && datum.key === ${FOCUS_SIGNAL}`;
/** Dashes of the keyboard highlight, so that it differs from the selection's solid thick outline. */
const FOCUS_DASH = [4, 2];

/**
 * The vega-lite spec of a chart model, themed and localized. Data values are plain rows (no expressions);
 * `focus` is the key of the area highlighted from the keyboard.
 */
export function chartSpec(model: ChartModel, theme: ChartTheme, size: ChartSize, focus = ''): TopLevelSpec {
  const body = model.type === 'scatter' ? scatterSpec(model, theme, size) : model.type === 'line' ? lineSpec(model, theme, size) : categorySpec(model, theme, size);
  const params = [{ name: FOCUS_SIGNAL, value: focus }, ...(model.type === 'scatter' ? [{ name: LABEL_SIGNALS.right, value: [] }, { name: LABEL_SIGNALS.left, value: [] }] : [])];
  return { ...body, autosize: { type: 'fit-x', contains: 'padding' }, params, config: vegaConfig(model, theme) } as unknown as TopLevelSpec;
}

/** Outline encodings: the row's own stroke, dashed and thicker where the keyboard highlight is. */
function outline(theme: ChartTheme) {
  return {
    stroke: { condition: { test: FOCUSED, value: theme.text }, field: 'stroke', type: 'nominal' as const, scale: null, legend: null },
    strokeWidth: { condition: { test: FOCUSED, value: 4 }, field: 'strokeWidth', type: 'quantitative' as const, scale: null, legend: null },
    strokeDash: { condition: { test: FOCUSED, value: FOCUS_DASH }, value: [1, 0] },
  };
}

/** Makes vega call the element's tooltip handler for the mark; the handler writes the text from the core's values. */
const TOOLTIP = { tooltip: { field: 'key', type: 'nominal' as const } };

function vegaConfig(model: ChartModel, theme: ChartTheme) {
  const labelFontSize = Math.round(theme.fontSize * 0.8);
  return {
    locale: vegaLocale(model.locale),
    background: null,
    font: theme.font,
    view: { stroke: null },
    // The element gives the SVG one name and description; per-mark ARIA from vega would repeat the table.
    mark: { aria: false },
    aria: false,
    axis: {
      labelColor: theme.text,
      titleColor: theme.text,
      domainColor: theme.border,
      tickColor: theme.border,
      gridColor: theme.grid,
      labelFontSize,
      titleFontSize: labelFontSize,
      titleFontWeight: 'normal',
      labelLimit: 180,
      aria: false,
    },
    text: { color: theme.text, fontSize: labelFontSize },
    legend: { labelColor: theme.text, titleColor: theme.text, labelFontSize, titleFontSize: labelFontSize, labelLimit: 260, aria: false },
  };
}

interface CategoryRow {
  key: string;
  label: string;
  series: string;
  value: number | null;
  text: string;
  /** Where the text label sits: at the value, or at zero for marks not drawn. */
  labelAt: number;
  showLabel: boolean;
  colour: string;
  stroke: string;
  strokeWidth: number;
}

/**
 * Below this many pixels per area a column chart's labels (turned by 45°, 13 px high, so 0.71 ×
 * the spacing apart) overprint: the chart is drawn as bars instead, as on a phone.
 */
const MIN_CATEGORY_SPACING = 20;

function categorySpec(model: CategoryModel, theme: ChartTheme, size: ChartSize) {
  const [first] = model.views;
  const horizontal = model.type === 'bar' || (size.width - 80) / first.areas.length < Math.max(MIN_CATEGORY_SPACING, model.views.length * 8);
  const grouped = model.views.length > 1;
  const labels = uniqueLabels(first.areas);
  const order = categoryOrder(model);
  // A column chart labels each column only where the longest label fits beside the next one.
  const labelWidth = Math.max(0, ...model.views.flatMap((view) => view.areas.map((area) => area.text.length))) * theme.fontSize * 0.8 * 0.62 + 8;
  // Area names under columns lie flat only where the longest fits between its neighbours.
  const longestName = Math.max(0, ...[...labels.values()].map((label) => label.length)) * theme.fontSize * 0.8 * 0.6;
  const turnLabels = longestName + 6 > (size.width - 80) / Math.max(1, first.areas.length);
  const showValues = horizontal ? first.areas.length <= BAR_LABEL_LIMIT : first.areas.length * model.views.length * labelWidth <= size.width - 80;
  const seriesNames = model.views.map((view) => shortTitle(view.indicator, model.locale));
  const seriesColours = model.views.map((_, i) => theme.series[i % theme.series.length]);
  const rows: CategoryRow[] = order.flatMap((key) =>
    model.views.map((view, i) => {
      const area = view.byKey.get(key)!;
      const selected = model.selected.has(key);
      return {
        key,
        label: labels.get(key)!,
        series: seriesNames[i],
        value: area.value,
        text: area.text,
        labelAt: area.value ?? 0,
        showLabel: showValues || area.state !== 'number',
        colour: grouped ? seriesColours[i] : area.colour,
        stroke: selected ? theme.text : theme.border,
        strokeWidth: selected ? 3 : 0.75,
      };
    }),
  );
  // The reference of an additive count is the total, not a level to compare an area with.
  const references = model.views
    .filter((view) => view.reference.value !== null && !isTotal(view))
    .map((view, i) => ({ value: view.reference.value, text: `${view.reference.label}: ${view.reference.text}`, colour: grouped ? seriesColours[i] : theme.reference }));

  const units = new Set(model.views.map((view) => view.indicator.unit.trim()));
  const valueTitle = grouped ? [...units].filter(Boolean).join(', ') : axisTitle(first.indicator, model.locale);
  const value = { field: 'value', type: 'quantitative' as const, title: valueTitle, axis: { grid: true, labelOverlap: 'greedy' as const, labelSeparation: 8, labelFlush: true } };
  const category = {
    field: 'label',
    type: 'nominal' as const,
    sort: null,
    title: localize(model.level.title, model.locale),
    axis: horizontal ? { labelPadding: 4 } : { labelAngle: turnLabels ? -45 : 0, labelPadding: 4 },
  };
  const offset = grouped ? { field: 'series', type: 'nominal' as const, sort: seriesNames } : undefined;
  const colour = grouped
    ? { field: 'series', type: 'nominal' as const, scale: { domain: seriesNames, range: seriesColours }, legend: { title: null, orient: 'top' as const } }
    : { field: 'colour', type: 'nominal' as const, scale: null, legend: null };
  const band = grouped ? 12 : 20;
  const plotHeight = horizontal ? Math.max(120, order.length * model.views.length * band + order.length * 6) : 300;
  const valueAt = { field: 'labelAt', type: 'quantitative' as const };

  const bars = {
    mark: { type: 'bar' as const },
    encoding: {
      [horizontal ? 'x' : 'y']: value,
      [horizontal ? 'y' : 'x']: category,
      ...(offset ? { [horizontal ? 'yOffset' : 'xOffset']: offset } : {}),
      color: colour,
      ...outline(theme),
      ...TOOLTIP,
    },
  };
  const valueLabels = {
    transform: [{ filter: { field: 'showLabel', equal: true } }],
    mark: horizontal
      ? { type: 'text' as const, align: 'left' as const, baseline: 'middle' as const, dx: 4 }
      : { type: 'text' as const, align: 'center' as const, baseline: 'bottom' as const, dy: -4 },
    encoding: {
      [horizontal ? 'x' : 'y']: valueAt,
      [horizontal ? 'y' : 'x']: category,
      ...(offset ? { [horizontal ? 'yOffset' : 'xOffset']: offset } : {}),
      text: { field: 'text', type: 'nominal' as const },
      color: { value: theme.text },
    },
  };
  const referenceRule = {
    data: { values: references },
    mark: { type: 'rule' as const, strokeDash: [6, 4], strokeWidth: 2 },
    encoding: { [horizontal ? 'x' : 'y']: { field: 'value', type: 'quantitative' as const }, color: { field: 'colour', type: 'nominal' as const, scale: null, legend: null } },
  };
  return {
    width: size.width,
    height: plotHeight,
    padding: { top: 8, left: 4, right: 16, bottom: 4 },
    ...referenceKey(references.map((reference) => `– – ${reference.text}`), theme, size),
    data: { values: rows },
    layer: references.length ? [bars, valueLabels, referenceRule] : [bars, valueLabels],
    resolve: { scale: { color: 'independent' } },
  };
}

/**
 * The reference's key above the plot, from the chart's left edge (a vega title framed by the
 * whole chart), wrapped to the chart's width, so that it never lies over a value label.
 */
function referenceKey(entries: string[], theme: ChartTheme, size: ChartSize) {
  if (!entries.length) return {};
  const fontSize = Math.round(theme.fontSize * 0.8);
  const lines = entries.flatMap((entry) => wrapText(entry, charactersIn(size.width - 16, fontSize, true)));
  return { title: { text: lines, anchor: 'start' as const, frame: 'bounds' as const, fontSize, fontWeight: 'bold' as const, color: theme.text, offset: 8 } };
}

interface ScatterRow {
  key: string;
  label: string;
  x: number;
  y: number;
  stroke: string;
  strokeWidth: number;
}

function scatterSpec(model: ScatterModel, theme: ChartTheme, size: ChartSize) {
  const labels = uniqueLabels(model.x.areas);
  const rows: ScatterRow[] = plottedKeys(model).map((key) => {
    const selected = model.selected.has(key);
    return { key, label: labels.get(key)!, x: model.x.byKey.get(key)!.value!, y: model.y.byKey.get(key)!.value!, stroke: selected ? theme.text : theme.accent, strokeWidth: selected ? 3 : 1 };
  });
  const height = Math.round(Math.min(420, Math.max(260, size.width * 0.7)));
  // Areas without a point are named below the x axis title, so that they are visible in the chart and its exports.
  const perLine = charactersIn(size.width - 16, theme.fontSize * 0.8);
  const unplotted = unplottedLines(model)
    .flatMap((line) => wrapText(line, perLine))
    .map((text, i) => ({ text, pixel: height + 48 + i * 16 }));
  const x = { field: 'x', type: 'quantitative' as const, title: axisTitle(model.x.indicator, model.locale), scale: { zero: false, nice: true } };
  const y = { field: 'y', type: 'quantitative' as const, title: axisTitle(model.y.indicator, model.locale), scale: { zero: false, nice: true } };
  const reference =
    model.x.reference.value !== null && model.y.reference.value !== null
      ? [{ x: model.x.reference.value, y: model.y.reference.value, label: model.x.reference.label, text: `${model.x.reference.text} / ${model.y.reference.text}` }]
      : [];
  return {
    width: size.width,
    height,
    padding: { top: 8, left: 4, right: 16, bottom: 4 },
    ...referenceKey(reference.map((point) => `◆ ${point.label}: ${point.text}`), theme, size),
    data: { values: rows },
    layer: [
      {
        mark: { type: 'point' as const, filled: true, size: 80, opacity: 0.9 },
        encoding: {
          x,
          y,
          color: { value: theme.accent },
          ...outline(theme),
          ...TOOLTIP,
        },
      },
      // Labels only where they fit: the element places them after the first draw (labels.ts) and names them in two signals.
      // (Filtered, not made transparent: a hidden label would still count in the chart's bounds.)
      ...(['right', 'left'] as const).map((side) => ({
        transform: [{ filter: `indexof(${LABEL_SIGNALS[side]}, datum.key) >= 0` }],
        mark: { type: 'text' as const, align: side === 'right' ? ('left' as const) : ('right' as const), baseline: 'middle' as const, dx: side === 'right' ? 7 : -7 },
        encoding: { x, y, text: { field: 'label', type: 'nominal' as const }, color: { value: theme.text } },
      })),
      {
        data: { values: reference },
        mark: { type: 'point' as const, shape: 'diamond', filled: true, size: 160 },
        encoding: { x, y, color: { value: theme.reference } },
      },
      ...(unplotted.length
        ? [
            {
              data: { values: unplotted },
              mark: { type: 'text' as const, align: 'left' as const, baseline: 'top' as const },
              encoding: { x: { value: 0 }, y: { field: 'pixel', type: 'quantitative' as const, scale: null }, text: { field: 'text', type: 'nominal' as const }, color: { value: theme.text } },
            },
          ]
        : []),
    ],
  };
}

interface LineRow {
  key: string;
  series: string;
  year: string;
  value: number | null;
  text: string;
}

function lineSpec(model: LineModel, theme: ChartTheme, size: ChartSize) {
  const labels = uniqueLabels(model.level.areas);
  const referenceLabel = model.views[0]?.reference.label ?? '';
  const seriesNames = [referenceLabel, ...model.areas.map((key) => labels.get(key)!)];
  const seriesColours = [theme.reference, ...model.areas.map((_, i) => theme.series[i % theme.series.length])];
  const rows: LineRow[] = [];
  // Years without a number are named below the plot, once per series and mark ("Lindenhof: k. A. (2020, 2021)").
  const gapYears = new Map<string, string[]>();
  for (const view of model.views) {
    const year = String(view.year);
    const points = [
      { key: '', series: referenceLabel, value: view.reference.value, text: view.reference.text, state: view.reference.state },
      ...model.areas.map((key) => ({ key, series: labels.get(key)!, ...pick(view, key) })),
    ];
    for (const point of points) {
      rows.push({ key: point.key, series: point.series, year, value: point.value, text: point.text });
      if (point.state !== 'number') gapYears.set(`${point.series}: ${point.text}`, [...(gapYears.get(`${point.series}: ${point.text}`) ?? []), year]);
    }
  }
  const gapLines = [...gapYears].flatMap(([text, years]) => wrapText(`${text} (${years.join(', ')})`, charactersIn(size.width - 16, theme.fontSize * 0.8)));
  const height = 300;
  const x = { field: 'year', type: 'ordinal' as const, title: null, sort: null, axis: { labelAngle: 0 } };
  const colour = { field: 'series', type: 'nominal' as const, scale: { domain: seriesNames, range: seriesColours }, legend: { title: null, orient: 'top' as const, columns: 2 } };
  return {
    width: size.width,
    height,
    padding: { top: 8, left: 4, right: 16, bottom: 4 },
    data: { values: rows },
    layer: [
      {
        mark: { type: 'line' as const, point: { filled: true, size: 50 }, strokeWidth: 2.5, invalid: 'break-paths-show-domains' as const },
        encoding: {
          x,
          y: { field: 'value', type: 'quantitative' as const, title: axisTitle(model.indicator, model.locale), scale: { zero: false, nice: true } },
          color: colour,
          strokeWidth: { condition: { test: { field: 'key', oneOf: [...model.selected] }, value: 4 }, value: 2.5 },
          strokeDash: { condition: { test: FOCUSED, value: FOCUS_DASH }, value: [1, 0] },
          ...TOOLTIP,
        },
      },
      ...(gapLines.length
        ? [
            {
              data: { values: gapLines.map((text, i) => ({ text, pixel: height + 40 + i * 16 })) },
              mark: { type: 'text' as const, align: 'left' as const, baseline: 'top' as const },
              encoding: { x: { value: 0 }, y: { field: 'pixel', type: 'quantitative' as const, scale: null }, text: { field: 'text', type: 'nominal' as const }, color: { value: theme.text } },
            },
          ]
        : []),
    ],
  };
}

function pick(view: StyledView, key: string) {
  const area = view.byKey.get(key)!;
  return { value: area.value, text: area.text, state: area.state };
}

function isTotal(view: StyledView): boolean {
  return view.indicator.kind === 'count' && view.indicator.additive !== false;
}
