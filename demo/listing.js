// Lists each demo atlas through the library's store (replaced by the elements as they land).
import { AtlasStore, localize } from '/dist/index.js';

const numberFormat = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 2, useGrouping: 'always' });

for (const section of document.querySelectorAll('[data-atlas]')) {
  const atlas = await AtlasStore.for(section.dataset.atlas).load();
  const heading = document.createElement('h2');
  heading.textContent = localize(atlas.manifest.title, 'de');
  section.append(heading);
  for (const indicator of atlas.renderableIndicators('gemeinde')) {
    const year = indicator.years.at(-1);
    const table = document.createElement('table');
    table.createCaption().textContent = `${localize(indicator.title, 'de')} (${indicator.unit}), ${year}`;
    for (const area of atlas.level('gemeinde').areas) {
      const row = table.insertRow();
      row.insertCell().textContent = area.name;
      const value = atlas.value(indicator.id, 'gemeinde', year, area.key);
      row.insertCell().textContent = typeof value === 'number' ? numberFormat.format(value) : value === null ? '–' : 'k. A.';
    }
    section.append(table);
  }
}
