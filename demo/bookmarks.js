// Lists the atlas's bookmarks and opens each in the element it names (`bookmark="id"`).
import { AtlasStore, localize } from '/dist/cdn/keck-atlas.js';

const TAGS = { map: 'keck-map', table: 'keck-table', chart: 'keck-chart', 'area-report': 'keck-area-report' };
const main = document.getElementById('bookmarks');
const src = main.dataset.atlas;
const atlas = await AtlasStore.for(src).load();
const bookmarks = atlas.manifest.bookmarks ?? [];

const list = document.createElement('ul');
for (const bookmark of bookmarks) {
  const item = document.createElement('li');
  const link = document.createElement('a');
  link.href = `#${encodeURIComponent(bookmark.id)}`;
  link.textContent = localize(bookmark.title, 'de');
  item.append(link, ` (${TAGS[bookmark.element ?? 'map'] ?? 'keck-map'})`);
  list.append(item);
}
const stage = document.createElement('section');
stage.setAttribute('aria-label', 'Geöffnete Ansicht');
main.append(list, stage);
if (bookmarks.length === 0) list.replaceWith('Dieser Atlas enthält keine gespeicherten Ansichten.');

function open() {
  const id = decodeURIComponent(location.hash.slice(1));
  const bookmark = bookmarks.find((b) => b.id === id) ?? bookmarks[0];
  if (!bookmark) return;
  const element = document.createElement(TAGS[bookmark.element ?? 'map'] ?? 'keck-map');
  element.setAttribute('src', src);
  element.setAttribute('bookmark', bookmark.id);
  stage.replaceChildren(element);
}
window.addEventListener('hashchange', open);
open();
