import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { AtlasGroup } from '../base/group.js';
import type { KeckAreaSelectEvent } from '../base/events.js';
import type { KeckChart } from './keck-chart.js';
import { axisLabels, bars, drawnChart, FICTIONAL, markTexts, redrawn, rules, titleLines, VECHTA, visibleMarkTexts } from './test-helpers.js';
import '../map/define.js';

const VECHTA_U15: Record<string, number> = {
  Bakum: 17.53,
  Damme: 16.63,
  Dinklage: 16.18,
  Goldenstedt: 15.81,
  Holdorf: 16.06,
  Lohne: 16.77,
  Neuenkirchen: 17.06,
  Steinfeld: 16.84,
  Vechta: 15.03,
  Visbek: 15.54,
};

describe('<keck-chart>', () => {
  describe('bar chart of the Vechta demo atlas', () => {
    it('draws bars proportional to the values, sorted from highest to lowest', async () => {
      const chart = await drawnChart(html`<keck-chart style="width:800px" src=${VECHTA} type="bar" indicator="u15-share"></keck-chart>`);
      const drawn = bars(chart.svg!);
      expect(drawn).to.have.length(10);
      const sorted = Object.values(VECHTA_U15).sort((a, b) => b - a);
      const pixelsPerUnit = drawn[0].width / sorted[0];
      drawn.forEach((bar, i) => expect(bar.width).to.be.closeTo(sorted[i] * pixelsPerUnit, 0.01));
      for (let i = 1; i < drawn.length; i++) expect(drawn[i].y).to.be.greaterThan(drawn[i - 1].y);
      expect(markTexts(chart.svg!)).to.include('17,53\u00a0%');
    });

    it('puts the reference line at the reference value 16,15 and labels it', async () => {
      const chart = await drawnChart(html`<keck-chart style="width:800px" src=${VECHTA} type="bar" indicator="u15-share"></keck-chart>`);
      const [bakum] = bars(chart.svg!);
      const [reference] = rules(chart.svg!);
      expect(reference.x / (bakum.x + bakum.width)).to.be.closeTo(16.15 / 17.53, 0.001);
      // The key above the plot, where no value label can lie under it.
      expect(titleLines(chart.svg!).join(' ')).to.equal('– – Landkreis Vechta (Durchschnitt): 16,15\u00a0%');
    });

    it('colours bars with the class colours of the core, as map and table do', async () => {
      const chart = await drawnChart(html`<keck-chart style="width:800px" src=${VECHTA} type="bar" indicator="u15-share"></keck-chart>`);
      const fills = new Set(bars(chart.svg!).map((bar) => bar.fill));
      expect(fills.size).to.be.greaterThan(2);
      const custom = await drawnChart(html`<keck-chart style="width:800px;--keck-class-5:#ff0000" src=${VECHTA} type="bar" indicator="u15-share"></keck-chart>`);
      expect(bars(custom.svg!)[0].fill).to.equal('#ff0000');
    });

    it('names and describes the SVG from the data', async () => {
      const chart = await drawnChart(html`<keck-chart style="width:800px" src=${VECHTA} type="bar" indicator="u15-share"></keck-chart>`);
      const svg = chart.svg!;
      expect(svg.getAttribute('role')).to.equal('img');
      const name = svg.querySelector('title')!.textContent!;
      const description = svg.querySelector('desc')!.textContent!;
      expect(name).to.contain('Balkendiagramm').and.contain('Gemeinde').and.contain('2013');
      expect(description).to.contain('Höchster Wert: Bakum 17,53 Prozent');
      expect(description).to.contain('Niedrigster Wert: Vechta 15,03 Prozent');
      expect(description).to.contain('Landkreis Vechta (Durchschnitt): 16,15 Prozent');
    });
  });

  describe('column chart', () => {
    it('draws columns proportional to the values from a common base line', async () => {
      const chart = await drawnChart(html`<keck-chart style="width:800px" src=${VECHTA} type="column" indicator="non-german-u15-share"></keck-chart>`);
      const drawn = bars(chart.svg!);
      expect(drawn).to.have.length(10);
      const bottoms = drawn.map((bar) => bar.y + bar.height);
      bottoms.forEach((bottom) => expect(bottom).to.be.closeTo(bottoms[0], 0.01));
      const ratio = drawn[0].height / 7.65;
      expect(drawn[drawn.length - 1].height).to.be.closeTo(2.34 * ratio, 0.01);
      const [reference] = rules(chart.svg!);
      expect(bottoms[0] - reference.y).to.be.closeTo(5.84 * ratio, 0.01);
    });

    it('writes German axis labels, and English ones with locale="en"', async () => {
      const german = await drawnChart(html`<keck-chart style="width:800px" src=${FICTIONAL} type="column" indicator="children" year="2024"></keck-chart>`);
      const germanLabels = axisLabels(german.svg!);
      expect(germanLabels).to.include('1.000');
      expect(germanLabels).to.include('Altstadt');
      expect(markTexts(german.svg!)).to.include('1.364\u00a0Kinder');
      const english = await drawnChart(html`<keck-chart style="width:800px" src=${FICTIONAL} type="column" indicator="children" year="2024" locale="en"></keck-chart>`);
      expect(axisLabels(english.svg!)).to.include('1,000');
      expect(markTexts(english.svg!)).to.include('1,364\u00a0Kinder');
    });

    it('draws several indicators side by side with a legend', async () => {
      const chart = await drawnChart(html`<keck-chart style="width:800px" src=${VECHTA} type="column" indicators="u15-share,non-german-u15-share"></keck-chart>`);
      expect(bars(chart.svg!)).to.have.length(20);
      expect(rules(chart.svg!)).to.have.length(2);
      expect(chart.svg!.querySelector('.role-legend')).to.exist;
    });
  });

  describe('suppressed and missing values', () => {
    it('draws no bar for a suppressed area but labels it "k. A."', async () => {
      const chart = await drawnChart(html`<keck-chart style="width:800px" src=${FICTIONAL} type="bar" indicator="u6-share" year="2023"></keck-chart>`);
      expect(bars(chart.svg!)).to.have.length(5);
      expect(markTexts(chart.svg!)).to.include('k. A.');
      expect(chart.svg!.querySelector('desc')!.textContent).to.contain('keine Angabe (Datenschutz): Lindenhof');
      const row = [...chart.shadowRoot!.querySelectorAll('tbody tr')].find((tr) => tr.textContent!.includes('Lindenhof'))!;
      expect(row.querySelector('td')!.textContent).to.equal('k. A.');
    });

    it('labels a missing value with "–"', async () => {
      const chart = await drawnChart(html`<keck-chart style="width:800px" src=${FICTIONAL} type="bar" indicator="u6-share" year="2020"></keck-chart>`);
      expect(bars(chart.svg!)).to.have.length(5);
      expect(markTexts(chart.svg!)).to.include('–');
    });
  });

  describe('scatter plot', () => {
    it('draws one labelled point per area with both values and marks the reference', async () => {
      const chart = await drawnChart(html`<keck-chart style="width:800px" src=${FICTIONAL} type="scatter" indicators="u6-share,poverty-rate" year="2023"></keck-chart>`);
      const points = chart.svg!.querySelectorAll('g.mark-symbol.role-mark path');
      expect(points).to.have.length(5 + 1);
      const texts = visibleMarkTexts(chart.svg!);
      // Five points at 800 px: every label fits; the reference is named in the key above the plot.
      expect(texts).to.include.members(['Altstadt', 'Nordfeld', 'Südhang', 'Am Hafen', 'Westend']);
      expect(texts).not.to.include('Lindenhof');
      expect(titleLines(chart.svg!).join(' ')).to.match(/^◆ Beispielstadt \(gesamt\): /);
    });

    it('names the areas without a point below the plot, "k. A." for suppressed and "–" for missing values', async () => {
      const suppressed = await drawnChart(html`<keck-chart style="width:800px" src=${FICTIONAL} type="scatter" indicators="u6-share,poverty-rate" year="2023"></keck-chart>`);
      const texts = markTexts(suppressed.svg!);
      // Only the two notes mention the suppressed area: no point label, no number.
      expect(texts.filter((text) => text.includes('Lindenhof'))).to.have.members(['Unter 6 (%), k. A.: Lindenhof', 'Kinder in Bedarfsgemeinschaften, k. A.: Lindenhof']);
      const note = [...suppressed.svg!.querySelectorAll('g.mark-text.role-mark text')].find((text) => text.textContent!.includes('Lindenhof'))!;
      const plot = suppressed.svg!.querySelector('g.mark-symbol.role-mark')!.getBoundingClientRect();
      const noteBox = note.getBoundingClientRect();
      const svgBox = suppressed.svg!.getBoundingClientRect();
      expect(noteBox.top).to.be.greaterThan(plot.bottom);
      expect(noteBox.bottom).to.be.at.most(svgBox.bottom);

      const missing = await drawnChart(html`<keck-chart style="width:800px" src=${FICTIONAL} type="scatter" indicators="u6-share,poverty-rate" year="2020"></keck-chart>`);
      expect(missing.svg!.querySelectorAll('g.mark-symbol.role-mark path')).to.have.length(5 + 1);
      expect(markTexts(missing.svg!)).to.include('Unter 6 (%), –: Westend');
      expect(markTexts(missing.svg!).filter((text) => text.includes('k. A.'))).to.deep.equal([]);
    });

    it('keeps the note on areas without a point in the SVG export', async () => {
      const chart = await drawnChart(html`<keck-chart style="width:800px" src=${FICTIONAL} type="scatter" indicators="u6-share,poverty-rate" year="2023" locale="en"></keck-chart>`);
      const svgText = await (await chart.exportBlob('svg')).text();
      expect(svgText).to.contain('Under 6 (%), k. A.: Lindenhof');
    });

    it('asks for two indicators', async () => {
      const chart = await fixture(html`<keck-chart src=${FICTIONAL} type="scatter" indicators="u6-share"></keck-chart>`);
      await waitUntil(() => chart.shadowRoot!.querySelector('[role="alert"]'), 'no message', { timeout: 10000 });
      expect(chart.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain('zwei Indikatoren');
    });
  });

  describe('time series', () => {
    it('draws the reference and the chosen areas over all years, with "k. A." where suppressed', async () => {
      const chart = await drawnChart(html`<keck-chart style="width:800px" src=${FICTIONAL} type="line" indicator="u6-share" areas="01,06"></keck-chart>`);
      const lines = chart.svg!.querySelectorAll('g.mark-line.role-mark path');
      expect(lines.length).to.equal(3);
      expect(axisLabels(chart.svg!)).to.include.members(['2019', '2024']);
      // Named once below the plot, with the years: two labels at neighbouring years would overprint on a phone.
      expect(markTexts(chart.svg!).filter((text) => /^Lindenhof: k\. A\. \(\d{4}, \d{4}\)$/.test(text))).to.have.length(1);
      const header = [...chart.shadowRoot!.querySelectorAll('thead th')].map((th) => th.textContent);
      expect(header).to.deep.equal(['Gebiet', '2019', '2020', '2021', '2022', '2023', '2024']);
    });

    it('shows the two years of the documentation example', async () => {
      const chart = await drawnChart(html`<keck-chart style="width:800px" src="/docs/examples/atlas.json" type="line" indicator="u6-share" areas="101"></keck-chart>`);
      expect(axisLabels(chart.svg!)).to.include.members(['2023', '2024']);
    });
  });

  describe('selection', () => {
    it('emits keck-area-select on a click on a bar and highlights it in the other members of the group', async () => {
      const group = `chart-${Math.random()}`;
      const clicked = await drawnChart(html`<keck-chart style="width:800px" src=${VECHTA} type="bar" indicator="u15-share" group=${group}></keck-chart>`);
      const other = await drawnChart(html`<keck-chart style="width:800px" src=${VECHTA} type="column" indicator="u15-share" group=${group}></keck-chart>`);
      const bakum = clicked.svg!.querySelector('g.mark-rect.role-mark path')!;
      const event = oneEvent(clicked, 'keck-area-select') as Promise<KeckAreaSelectEvent>;
      bakum.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      const { detail } = await event;
      expect(detail).to.deep.equal({ level: 'gemeinde', key: '03460001' });
      expect(AtlasGroup.named(group).view.areas).to.deep.equal(['03460001']);
      await redrawn(other);
      const highlighted = bars(other.svg!).filter((bar) => bar.strokeWidth === 3);
      expect(highlighted).to.have.length(1);
      expect(other.shadowRoot!.querySelector('button[aria-pressed="true"]')!.textContent).to.equal('Bakum');
    });

    it('selects an area from the table by keyboard-operable buttons', async () => {
      const chart = await drawnChart(html`<keck-chart style="width:800px" src=${VECHTA} type="bar" indicator="u15-share"></keck-chart>`);
      const button = [...chart.shadowRoot!.querySelectorAll('tbody button')].find((b) => b.textContent === 'Vechta') as HTMLButtonElement;
      const event = oneEvent(chart, 'keck-area-select');
      button.click();
      expect((await event).detail.key).to.equal('03460009');
      await redrawn(chart);
      expect(bars(chart.svg!).at(-1)!.strokeWidth).to.equal(3);
    });
  });

  describe('keyboard', () => {
    const dashed = (chart: KeckChart) => [...chart.svg!.querySelectorAll('g.mark-rect.role-mark path')].map((path) => path.getAttribute('stroke-dasharray') === '4,2');
    const status = (chart: KeckChart) => chart.shadowRoot!.querySelector('[role="status"]')!.textContent;

    it('moves a highlight between the bars in drawn order with the arrow keys and reads name and value', async () => {
      const chart = await drawnChart(html`<keck-chart style="width:800px" src=${VECHTA} type="bar" indicator="u15-share"></keck-chart>`);
      const box = chart.shadowRoot!.querySelector<HTMLElement>('.chart')!;
      box.focus();
      expect(dashed(chart).filter(Boolean)).to.have.length(0);
      await sendKeys({ press: 'ArrowDown' });
      await chart.rendered;
      expect(dashed(chart)[0]).to.equal(true);
      expect(dashed(chart).filter(Boolean)).to.have.length(1);
      expect(status(chart)).to.equal('Bakum: 17,53 Prozent');
      await sendKeys({ press: 'ArrowDown' });
      await chart.rendered;
      expect(dashed(chart)[1]).to.equal(true);
      expect(status(chart)).to.equal('Neuenkirchen-Vörden: 17,06 Prozent');
      await sendKeys({ press: 'End' });
      await chart.rendered;
      expect(dashed(chart).at(-1)).to.equal(true);
      expect(status(chart)).to.equal('Vechta: 15,03 Prozent');
      await sendKeys({ press: 'ArrowRight' });
      expect(status(chart)).to.equal('Vechta: 15,03 Prozent');
      await sendKeys({ press: 'Home' });
      await chart.rendered;
      expect(dashed(chart)[0]).to.equal(true);
    });

    it('selects the highlighted area with Enter and Space, as a click does, and updates the group', async () => {
      const group = `keys-${Math.random()}`;
      const chart = await drawnChart(html`<keck-chart style="width:800px" src=${VECHTA} type="bar" indicator="u15-share" group=${group}></keck-chart>`);
      chart.shadowRoot!.querySelector<HTMLElement>('.chart')!.focus();
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'ArrowDown' });
      const selected = oneEvent(chart, 'keck-area-select') as Promise<KeckAreaSelectEvent>;
      await sendKeys({ press: 'Enter' });
      expect((await selected).detail).to.deep.equal({ level: 'gemeinde', key: '03460007' });
      expect(AtlasGroup.named(group).view.areas).to.deep.equal(['03460007']);
      expect(status(chart)).to.equal('Neuenkirchen-Vörden: 17,06 Prozent, ausgewählt');
      await redrawn(chart);
      expect(dashed(chart)[1]).to.equal(true);
      expect(chart.shadowRoot!.querySelector('button[aria-pressed="true"]')!.textContent).to.equal('Neuenkirchen-Vörden');
      const deselected = oneEvent(chart, 'keck-area-select') as Promise<KeckAreaSelectEvent>;
      await sendKeys({ press: 'Space' });
      expect((await deselected).detail.key).to.equal(null);
      expect(AtlasGroup.named(group).view.areas).to.deep.equal([]);
      expect(status(chart)).to.equal('Neuenkirchen-Vörden: 17,06 Prozent, nicht ausgewählt');
    });

    it('moves between the points of a scatter plot and reads both values', async () => {
      const chart = await drawnChart(html`<keck-chart style="width:800px" src=${FICTIONAL} type="scatter" indicators="u6-share,poverty-rate" year="2023"></keck-chart>`);
      chart.shadowRoot!.querySelector<HTMLElement>('.chart')!.focus();
      await sendKeys({ press: 'ArrowRight' });
      await chart.rendered;
      const points = [...chart.svg!.querySelectorAll('g.mark-symbol.role-mark path')];
      expect(points.filter((path) => path.getAttribute('stroke-dasharray') === '4,2')).to.have.length(1);
      expect(status(chart)).to.match(/^Altstadt: Unter 6 \(%\) 15,9 Prozent, Kinder in Bedarfsgemeinschaften /);
    });

    it('removes the highlight when the chart loses focus', async () => {
      const chart = await drawnChart(html`<keck-chart style="width:800px" src=${VECHTA} type="bar" indicator="u15-share"></keck-chart>`);
      const box = chart.shadowRoot!.querySelector<HTMLElement>('.chart')!;
      box.focus();
      await sendKeys({ press: 'ArrowDown' });
      await chart.rendered;
      box.blur();
      await chart.rendered;
      expect(dashed(chart).filter(Boolean)).to.have.length(0);
    });
  });

  it('is accessible with its table alternative open', async () => {
    const chart = await drawnChart(html`<keck-chart style="width:800px" src=${FICTIONAL} type="bar" indicator="u6-share" year="2023"></keck-chart>`);
    chart.shadowRoot!.querySelector('details')!.open = true;
    await expect(chart).to.be.accessible();
    const line = await drawnChart(html`<keck-chart style="width:800px" src=${FICTIONAL} type="line" indicator="u6-share" areas="01,06"></keck-chart>`);
    line.shadowRoot!.querySelector('details')!.open = true;
    await expect(line).to.be.accessible();
    const scatter = await drawnChart(html`<keck-chart style="width:800px" src=${FICTIONAL} type="scatter" indicators="u6-share,poverty-rate" year="2023"></keck-chart>`);
    scatter.shadowRoot!.querySelector<HTMLElement>('.chart')!.focus();
    await sendKeys({ press: 'ArrowDown' });
    scatter.shadowRoot!.querySelector('details')!.open = true;
    await expect(scatter).to.be.accessible();
  });

  it('shows a readable message for an unknown or unpublished indicator', async () => {
    const chart = await fixture(html`<keck-chart src=${FICTIONAL} indicator="internal-only"></keck-chart>`);
    await waitUntil(() => chart.shadowRoot!.querySelector('[role="alert"]'), 'no message', { timeout: 10000 });
    expect(chart.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain('internal-only');
  });

  describe('one styled view with the map', () => {
    it('colours the bars with the classes the map of the same group set (jenks, 4 classes), not its own default', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div>
        <keck-map style="width:600px" src=${VECHTA} indicator="u15-share" classification="jenks" classes="4" group="styled"></keck-map>
        <keck-chart style="width:800px" src=${VECHTA} type="bar" indicator="u15-share" group="styled"></keck-chart>
      </div>`);
      const map = wrapper.querySelector('keck-map')!;
      const chart = wrapper.querySelector<KeckChart>('keck-chart')!;
      await map.settled();
      await chart.settled();
      await redrawn(chart);
      const mapColours = new Map(map.view!.areas.map((area) => [area.name, area.colour]));
      expect(new Set(mapColours.values()).size).to.equal(4);
      const labels = axisLabels(chart.svg!).filter((label) => mapColours.has(label));
      const fills = bars(chart.svg!).map((bar) => bar.fill);
      expect(labels).to.have.length(10);
      labels.forEach((label, i) => expect(fills[i], label).to.equal(mapColours.get(label)));
    });
  });

  describe('tooltips', () => {
    const tooltip = (chart: KeckChart) => chart.shadowRoot!.querySelector<HTMLElement>('[part=tooltip]')!;

    it('shows the area, its value in the core\'s text and the reference when the pointer is on a bar, and hides it after', async () => {
      const chart = await drawnChart(html`<keck-chart style="width:800px" src=${VECHTA} type="bar" indicator="u15-share"></keck-chart>`);
      const bar = chart.svg!.querySelector<SVGPathElement>('g.mark-rect.role-mark path')!;
      const box = bar.getBoundingClientRect();
      await sendMouse({ type: 'move', position: [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)] });
      await waitUntil(() => !tooltip(chart).hidden, 'no tooltip on hover');
      const text = tooltip(chart).textContent!.replace(/[ \n\t]+/g, ' ');
      expect(text).to.contain('Bakum');
      expect(text).to.contain('17,53\u00a0%');
      expect(text).to.contain('Landkreis Vechta (Durchschnitt): 16,15\u00a0%');
      const tip = tooltip(chart).getBoundingClientRect();
      const host = chart.getBoundingClientRect();
      expect(tip.left).to.be.at.least(host.left);
      expect(tip.right).to.be.at.most(host.right);
      await sendMouse({ type: 'move', position: [0, 0] });
      await waitUntil(() => tooltip(chart).hidden, 'the tooltip stays');
    });

    it('says "k. A." for a suppressed value and follows the keyboard highlight', async () => {
      const chart = await drawnChart(html`<keck-chart style="width:800px" src=${FICTIONAL} type="column" indicator="u6-share" year="2023"></keck-chart>`);
      chart.shadowRoot!.querySelector<HTMLElement>('.chart')!.focus();
      const seen: string[] = [];
      for (let i = 0; i < 6; i++) {
        await sendKeys({ press: 'ArrowRight' });
        await chart.rendered;
        await chart.updateComplete;
        expect(tooltip(chart).hidden, 'a tooltip for the highlighted column').to.equal(false);
        seen.push(tooltip(chart).textContent!.replace(/[ \n\t]+/g, ' '));
      }
      expect(seen.some((text) => text.includes('Lindenhof') && text.includes('k. A.'))).to.equal(true);
      chart.shadowRoot!.querySelector<HTMLElement>('.chart')!.blur();
      await chart.updateComplete;
      expect(tooltip(chart).hidden).to.equal(true);
    });

    it('needs no inline style element (strict CSP): the tooltip is the element\'s own', async () => {
      const chart = await drawnChart(html`<keck-chart style="width:800px" src=${VECHTA} type="bar" indicator="u15-share"></keck-chart>`);
      expect(document.querySelector('#vg-tooltip-element')).to.equal(null);
      expect(chart.shadowRoot!.querySelector('style:not([data-lit])')).to.equal(null);
    });
  });

  describe('labels that fit', () => {
    const overlapping = (svg: SVGSVGElement) => {
      const boxes = [...svg.querySelectorAll<SVGTextElement>('g.mark-text.role-mark text')].filter((t) => t.getAttribute('opacity') !== '0').map((t) => t.getBoundingClientRect());
      const pairs: number[][] = [];
      boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b, j) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1 && pairs.push([i, i + 1 + j])));
      return { count: boxes.length, pairs };
    };

    for (const width of [320, 800]) {
      it(`labels 120 scatter points at ${width} px without two labels overprinting, the selected area's label included`, async () => {
        const chart = await drawnChart(
          html`<keck-chart style=${`width:${width}px`} src="/test/fixtures/chart/many-areas.json" type="scatter" indicators="u6-share,poverty-rate" areas="" group="labels"></keck-chart>`,
        );
        const { count, pairs } = overlapping(chart.svg!);
        expect(pairs, 'overprinting labels').to.deep.equal([]);
        expect(count).to.be.greaterThan(3);
        expect(count).to.be.lessThan(120);
        for (const text of chart.svg!.querySelectorAll<SVGTextElement>('g.mark-text.role-mark text')) {
          if (text.getAttribute('opacity') === '0') continue;
          const box = text.getBoundingClientRect();
          expect(box.right).to.be.at.most(chart.getBoundingClientRect().right + 1);
        }
      });
    }

    it('always labels a selected area', async () => {
      const chart = await drawnChart(html`<keck-chart style="width:320px" src="/test/fixtures/chart/many-areas.json" type="scatter" indicators="u6-share,poverty-rate" group="labels-selected"></keck-chart>`);
      chart.shadowRoot!.querySelector<HTMLElement>('.chart')!.focus();
      for (let i = 0; i < 40; i++) await sendKeys({ press: 'ArrowRight' });
      await sendKeys({ press: 'Enter' });
      await redrawn(chart);
      const selected = chart.selectedAreas[0];
      const name = (await (await fetch('/test/fixtures/chart/many-areas.json')).json()).levels[0].areas.find((area: { key: string }) => area.key === selected).name;
      expect(visibleMarkTexts(chart.svg!)).to.include(name);
      expect(overlapping(chart.svg!).pairs).to.deep.equal([]);
    });

    it('draws a column chart as bars when the columns would be narrower than their labels', async () => {
      const chart = await drawnChart(html`<keck-chart style="width:320px" src="/test/fixtures/chart/many-areas.json" type="column" indicator="u6-share"></keck-chart>`);
      const drawn = bars(chart.svg!);
      expect(drawn.every((bar) => bar.width > bar.height)).to.equal(true);
      const labels = [...chart.svg!.querySelectorAll<SVGTextElement>('g.role-axis-label text')].map((t) => t.getBoundingClientRect());
      const overprinting = labels.filter((a, i) => labels.some((b, j) => j > i && Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1));
      expect(overprinting).to.have.length(0);
    });
  });

  describe('exports', () => {
    it('are as wide as the chart on screen, their title and source wrapped, no text outside', async () => {
      const chart = await drawnChart(html`<keck-chart style="width:320px" src=${FICTIONAL} type="scatter" indicators="u6-share,poverty-rate" year="2023"></keck-chart>`);
      const screenWidth = chart.svg!.getBoundingClientRect().width;
      const text = await (await chart.exportBlob('svg')).text();
      const holder = document.createElement('div');
      holder.innerHTML = new XMLSerializer().serializeToString(new DOMParser().parseFromString(text, 'image/svg+xml').documentElement);
      document.body.append(holder);
      try {
        const svg = holder.querySelector('svg')!;
        const width = Number(svg.getAttribute('width'));
        expect(width).to.be.at.most(screenWidth + 32 + 1);
        const outside = [...svg.querySelectorAll(':scope > text')].filter((t) => (t as SVGTextElement).getBBox().x + (t as SVGTextElement).getBBox().width > width + 0.5);
        expect(outside.map((t) => t.textContent)).to.deep.equal([]);
        expect(svg.querySelectorAll(':scope > text').length, 'title and source on several lines').to.be.greaterThan(2);
      } finally {
        holder.remove();
      }
      const png = await createImageBitmap(await chart.exportBlob('png'));
      expect(png.width).to.be.at.most(2 * (screenWidth + 32) + 2);
    });

    it('exports PNG and JPG that decode, SVG that parses, and a vector PDF with title and source', async () => {
      const chart = await drawnChart(html`<keck-chart style="width:800px" src=${VECHTA} type="bar" indicator="u15-share"></keck-chart>`);
      for (const format of ['png', 'jpeg'] as const) {
        const blob = await chart.exportBlob(format);
        expect(blob.type).to.equal(`image/${format}`);
        const bitmap = await createImageBitmap(blob);
        expect(bitmap.width).to.be.greaterThan(2 * chart.svg!.width.baseVal.value);
      }
      const svgText = await (await chart.exportBlob('svg')).text();
      const parsed = new DOMParser().parseFromString(svgText, 'image/svg+xml');
      expect(parsed.querySelector('parsererror')).to.equal(null);
      const texts = [...parsed.querySelectorAll('text')].map((text) => text.textContent);
      expect(texts[0]).to.equal('Anteil unter 15-Jähriger an der Gesamtbevölkerung, Gemeinden, 2013');
      expect(texts.some((text) => text?.startsWith('Quelle: '))).to.equal(true);
      expect(texts).to.include('17,53\u00a0%');

      const pdf = new Uint8Array(await (await chart.exportBlob('pdf')).arrayBuffer());
      const content = new TextDecoder('latin1').decode(pdf);
      expect(content.startsWith('%PDF-')).to.equal(true);
      expect(content).to.match(/\bre\b|\bh\b\s*\n?\s*[fS]\b| l\n/);
      expect(content).to.match(/ Tj/);
      expect(content).to.contain('(Quelle: ');
    });
  });
});
