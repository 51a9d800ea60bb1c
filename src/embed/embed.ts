// The iframe fallback for CMSs that strip custom elements or scripts:
// embed.html?src=atlas.json&view=map&indicator=… renders one element and reports its height.
import '../keck-atlas.js';

const VIEWS: Record<string, string> = {
  map: 'keck-map',
  table: 'keck-table',
  chart: 'keck-chart',
  'area-report': 'keck-area-report',
};

/** Attributes the embed URL may set; anything else in the query is ignored. */
const PASSED_ATTRIBUTES = [
  'level', 'year', 'indicator', 'indicators', 'areas', 'locale', 'group', 'bookmark',
  'classification', 'classes', 'breaks', 'bars', 'type', 'controls', 'swatches', 'show-keys',
];

export function createEmbeddedElement(search: string, base: string): HTMLElement {
  const params = new URLSearchParams(search);
  const view = params.get('view') ?? 'table';
  const tag = VIEWS[view];
  const src = params.get('src');
  if (!tag) return message(`Unbekannte Ansicht „${view}“ (erlaubt: ${Object.keys(VIEWS).join(', ')}).`);
  if (!src) return message('Keine Datenquelle angegeben (Parameter „src“).');
  const srcUrl = new URL(src, base);
  if (srcUrl.origin !== new URL(base).origin) return message('Die Datenquelle muss auf demselben Server liegen wie diese Seite.');
  const element = document.createElement(tag);
  element.setAttribute('src', srcUrl.href);
  for (const name of PASSED_ATTRIBUTES) {
    const value = params.get(name);
    if (value !== null) element.setAttribute(name, value);
  }
  return element;
}

function message(text: string): HTMLElement {
  const paragraph = document.createElement('p');
  paragraph.setAttribute('role', 'alert');
  paragraph.textContent = text;
  return paragraph;
}

function reportHeight(): void {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  parent.postMessage({ type: 'keck-embed-height', height }, '*');
}

const main = document.querySelector('main') ?? document.body;
main.replaceChildren(createEmbeddedElement(location.search, location.href));
new ResizeObserver(reportHeight).observe(document.documentElement);
