// A page's layout as a reader meets it, checked in the browser (plain script, no imports, so the
// layout test and scripts/screenshots.mjs inject the same function into any page):
// - spill: something an element draws lies outside the element's own box;
// - covered: a control cannot be clicked at its centre (another element lies over it);
// - overlap: two text labels of one SVG (chart, legend, export preview) overprint each other.
// Returns a list of problems, each { kind, element, what, detail }.
export async function auditLayout({ tolerance = 1, selector = '*' } = {}) {
  const problems = [];
  const hosts = [...deepAll(document)].filter((el) => el.localName.startsWith('keck-') && el.shadowRoot && el.matches(selector));
  for (const host of hosts) {
    const box = host.getBoundingClientRect();
    if (!box.width && !box.height) continue;
    const name = describeHost(host);
    // Only the outermost element that spills is reported, not each of its descendants.
    const spilled = new Set();
    for (const el of ownShadowElements(host.shadowRoot)) {
      if (!isDrawn(el)) continue;
      const rect = clippedRect(el);
      if (!rect) continue;
      const outside = Math.max(box.left - rect.left, rect.right - box.right, box.top - rect.top, rect.bottom - box.bottom);
      if (outside <= tolerance) continue;
      const reported = [...spilled].some((outer) => composedContains(outer, el));
      spilled.add(el);
      if (!reported) problems.push({ kind: 'spill', element: name, what: describe(el), detail: `${Math.round(outside)} px outside the element's box` });
    }
    for (const svg of ownShadowElements(host.shadowRoot).filter((el) => el.localName === 'svg' && isDrawn(el))) {
      const labels = [...svg.querySelectorAll('text')].filter((t) => t.textContent.trim() && isDrawn(t) && Number(getComputedStyle(t).opacity) > 0.05 && getComputedStyle(t).fillOpacity !== '0');
      // Each label as the quadrilateral it covers on screen (rotated axis labels included).
      const quads = labels.map(screenQuad);
      for (let i = 0; i < labels.length; i++) {
        for (let j = i + 1; j < labels.length; j++) {
          const depth = overlapDepth(quads[i], quads[j]);
          if (depth > 1.5) {
            problems.push({ kind: 'overlap', element: name, what: `"${labels[i].textContent.trim()}" and "${labels[j].textContent.trim()}"`, detail: `${Math.round(depth)} px deep` });
          }
        }
      }
    }
  }
  // Controls are checked where a reader clicks them: the page is scrolled a viewport at a time.
  const controls = hosts.flatMap((host) => ownShadowElements(host.shadowRoot).filter((el) => isControl(el) && isDrawn(el) && !el.closest('[inert]')).map((control) => ({ host, control })));
  const pageHeight = document.documentElement.scrollHeight;
  const checked = new Set();
  for (let top = 0; top < pageHeight && checked.size < controls.length; top += Math.max(200, innerHeight - 100)) {
    window.scrollTo(0, top);
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    for (const entry of controls) {
      if (checked.has(entry)) continue;
      const { host, control } = entry;
      // A link that wraps is clicked on its first line box, not in the middle of its bounding box.
      const rect = clippedRect(control, control.getClientRects()[0]);
      if (!rect || rect.width < 1 || rect.height < 1) {
        checked.add(entry);
        continue;
      }
      const x = rect.left + rect.width / 2;
      const y = rect.top + rect.height / 2;
      if (x < 0 || x >= innerWidth || y < 0 || y >= innerHeight) continue;
      checked.add(entry);
      const hit = deepElementFromPoint(x, y);
      if (!hit || !(hit === control || composedContains(control, hit) || composedContains(hit.closest?.('label') ?? null, control))) {
        problems.push({ kind: 'covered', element: describeHost(host), what: describe(control), detail: hit ? `covered by ${describe(hit)}` : 'nothing at its centre' });
      }
    }
  }
  for (const { host, control } of controls.filter((entry) => !checked.has(entry))) {
    problems.push({ kind: 'covered', element: describeHost(host), what: describe(control), detail: 'never in view (outside the page horizontally?)' });
  }
  window.scrollTo(0, 0);
  return problems;
}

/** The corners of an SVG text's box in screen pixels. */
function screenQuad(text) {
  const box = text.getBBox();
  const matrix = text.getScreenCTM();
  return [
    [box.x, box.y],
    [box.x + box.width, box.y],
    [box.x + box.width, box.y + box.height],
    [box.x, box.y + box.height],
  ].map(([x, y]) => new DOMPoint(x, y).matrixTransform(matrix));
}

/** How far two convex quadrilaterals overlap along their least-overlapping axis (separating axis test); ≤ 0 when apart. */
function overlapDepth(a, b) {
  let depth = Infinity;
  for (const quad of [a, b]) {
    for (let i = 0; i < 4; i++) {
      const p = quad[i];
      const q = quad[(i + 1) % 4];
      const length = Math.hypot(q.x - p.x, q.y - p.y) || 1;
      const axis = [-(q.y - p.y) / length, (q.x - p.x) / length];
      const project = (points) => points.map((point) => point.x * axis[0] + point.y * axis[1]);
      const pa = project(a);
      const pb = project(b);
      depth = Math.min(depth, Math.min(Math.max(...pa), Math.max(...pb)) - Math.max(Math.min(...pa), Math.min(...pb)));
    }
  }
  return depth;
}

function* deepAll(root) {
  for (const el of root.querySelectorAll('*')) {
    yield el;
    if (el.shadowRoot) yield* deepAll(el.shadowRoot);
  }
}

/** The elements of one shadow root, not those of nested keck elements (they are audited as hosts). */
function ownShadowElements(root) {
  return [...root.querySelectorAll('*')];
}

function isControl(el) {
  return el.matches('button, a[href], select, summary, input:not([type="hidden"]), textarea, [role="button"]');
}

function isDrawn(el) {
  if (el.closest('.visually-hidden, [hidden]')) return false;
  const closed = el.closest('details:not([open])');
  if (closed && !(el.localName === 'summary' && el.parentElement === closed) && !el.closest('summary')) return false;
  const style = getComputedStyle(el);
  if (style.display === 'none' || style.visibility === 'hidden') return false;
  const rect = el.getBoundingClientRect();
  return rect.width > 0 && rect.height > 0;
}

/** The element's rectangle as far as it is visible: cut by every clipping ancestor. */
function clippedRect(el, box = el.getBoundingClientRect()) {
  let rect = box;
  let left = rect.left;
  let top = rect.top;
  let right = rect.right;
  let bottom = rect.bottom;
  // Every clipping ancestor counts, the host (it scrolls what does not fit) and those around it.
  for (let node = composedParent(el); node && node !== document.documentElement; node = composedParent(node)) {
    if (!(node instanceof Element)) continue;
    const style = getComputedStyle(node);
    if (style.overflowX !== 'visible' || style.overflowY !== 'visible' || style.clipPath !== 'none' || style.contain.includes('paint')) {
      // Inside the borders and scrollbars: a control under a scrollbar cannot be clicked there.
      rect = node.getBoundingClientRect();
      left = Math.max(left, rect.left + node.clientLeft);
      top = Math.max(top, rect.top + node.clientTop);
      right = Math.min(right, rect.left + node.clientLeft + (node.clientWidth || rect.width));
      bottom = Math.min(bottom, rect.top + node.clientTop + (node.clientHeight || rect.height));
    }
  }
  if (right - left <= 0 || bottom - top <= 0) return undefined;
  return { left, top, right, bottom, width: right - left, height: bottom - top };
}

function composedParent(node) {
  return node.assignedSlot ?? node.parentNode ?? node.host;
}

function composedContains(outer, inner) {
  if (!outer) return false;
  for (let node = inner; node; node = composedParent(node)) if (node === outer) return true;
  return false;
}

function deepElementFromPoint(x, y) {
  let hit = document.elementFromPoint(x, y);
  while (hit?.shadowRoot) {
    const inner = hit.shadowRoot.elementFromPoint(x, y);
    if (!inner || inner === hit) break;
    hit = inner;
  }
  return hit;
}

function describeHost(host) {
  const attrs = ['type', 'indicator', 'src'].map((a) => host.getAttribute(a)).filter(Boolean);
  return `<${host.localName}${attrs.length ? ` ${attrs.join(' ')}` : ''}>`;
}

function describe(el) {
  const part = el.getAttribute?.('part');
  const cls = el.getAttribute?.('class');
  const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 30);
  return `${el.localName}${part ? `[part=${part}]` : ''}${cls ? `.${cls.split(' ')[0]}` : ''}${text ? ` "${text}"` : ''}`;
}
