import { css } from 'lit';

/**
 * The few maplibre-gl rules the map needs inside the shadow root (the canvas and its
 * container); maplibre's controls and popups are not used, the element draws its own HTML.
 */
export const maplibreStyles = css`
  .maplibregl-map {
    overflow: hidden;
    position: relative;
    -webkit-tap-highlight-color: rgb(0 0 0 / 0);
  }
  .maplibregl-canvas {
    position: absolute;
    left: 0;
    top: 0;
  }
  .maplibregl-canvas-container.maplibregl-interactive {
    cursor: grab;
    user-select: none;
  }
  .maplibregl-canvas-container.maplibregl-interactive:active {
    cursor: grabbing;
  }
  .maplibregl-canvas-container.maplibregl-touch-drag-pan,
  .maplibregl-canvas-container.maplibregl-touch-drag-pan .maplibregl-canvas {
    touch-action: pinch-zoom;
  }
`;

/**
 * The map element's own styles. Sizing contract (docs/theming.md): without a height the map
 * area is `--keck-map-height` tall and the element as tall as its content; a height on the host
 * goes to the map area, the chrome keeps its size and stays inside the box (the element scrolls
 * only when even a 10rem map does not fit). Layout follows the element's width, not the page's.
 */
export const mapStyles = css`
  :host {
    display: flex;
    flex-direction: column;
  }
  /* min-height 0: a column flexbox's automatic minimum counts the map area's basis, not its
     10rem minimum; what does not fit then scrolls in the host (the POI layer is slotted in here). */
  figure {
    flex: 1 1 auto;
    display: flex;
    flex-direction: column;
    min-height: 0;
    margin: 0;
    container: keck-map / inline-size;
  }
  figure > *,
  ::slotted(*) {
    flex: none;
  }
  figcaption {
    font-weight: bold;
    margin-bottom: 0.4em;
  }
  .controls {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4em 1em;
    margin: 0 0 0.5em;
    border: 0;
    padding: 0;
    min-width: 0;
  }
  .controls label {
    display: flex;
    flex-direction: column;
    font-size: 0.9em;
    min-width: 0;
    max-width: 100%;
  }
  .controls select {
    max-width: 100%;
    min-height: 24px;
  }
  .body {
    display: contents;
  }
  figure > .body,
  .stage {
    flex: 1 1 var(--keck-map-height, 28rem);
    min-height: 10rem;
  }
  .stage {
    position: relative;
    overflow: hidden;
    border: 1px solid var(--_keck-border);
  }
  .map {
    position: absolute;
    inset: 0;
  }
  .map:focus-visible {
    outline: 3px solid var(--_keck-focus);
    outline-offset: -3px;
  }
  .notice {
    position: absolute;
    z-index: 1;
    left: 0.5em;
    top: 0.5em;
    max-width: calc(100% - 1em);
    margin: 0;
    padding: 0.2em 0.5em;
    font-size: 0.85em;
    background: var(--_keck-panel);
    border: 1px solid var(--_keck-border);
    border-radius: 4px;
  }
  .progress {
    display: block;
    width: 8rem;
    max-width: 100%;
    margin-top: 0.25em;
  }
  .details {
    max-width: min(16rem, calc(100% - 1em));
    font-size: 0.9em;
  }
  /* The keyboard help shows while the map has keyboard focus, over the map's foot. */
  .help {
    position: absolute;
    z-index: 1;
    left: 0;
    right: 0;
    bottom: 0;
    margin: 0;
    padding: 0.3em 0.6em;
    font-size: 0.85em;
    background: var(--_keck-panel);
    background-color: rgb(255 255 255 / 0.92);
    color: #1a1a1a;
    opacity: 0;
    pointer-events: none;
  }
  .map:focus-visible ~ .help {
    opacity: 1;
  }
  .attribution,
  .unit {
    font-size: 0.85em;
    color: var(--_keck-muted);
    margin: 0.4em 0 0;
  }
  .attribution a {
    color: inherit;
  }
  .legend {
    margin: 0.5em 0 0;
    font-size: 0.9em;
  }
  .legend-title {
    font-weight: bold;
    margin: 0.3em 0 0.2em;
  }
  .legend .unit {
    margin: 0 0 0.2em;
  }
  .legend ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.15em 0.9em;
  }
  .legend li {
    display: flex;
    align-items: center;
    gap: 0.35em;
  }
  .count {
    color: var(--_keck-muted);
  }
  .swatch {
    display: inline-block;
    width: 1.2em;
    height: 0.9em;
    border: 1px solid #666666;
    flex: none;
  }
  .swatch.hatch {
    background-color: var(--hatch-base, #ffffff);
    background-image: repeating-linear-gradient(45deg, var(--hatch-stripe, #636363) 0 1.5px, transparent 1.5px 5.5px);
  }
  .column-key {
    display: flex;
    align-items: flex-end;
    gap: 0.35em;
  }
  .column-key svg {
    flex: none;
    overflow: visible;
  }
  details[part='table'] {
    margin-top: 0.4em;
  }
  summary {
    cursor: pointer;
    min-height: 24px;
  }
  .table-scroll {
    max-height: 24rem;
    overflow: auto;
  }
  button,
  select {
    font: inherit;
  }
  tr.selected {
    font-weight: bold;
  }
  /* Wide: the legend beside the map, as a column. */
  @container keck-map (min-width: 40rem) {
    .body {
      display: flex;
      gap: 1em;
    }
    .body > .stage {
      flex: 1 1 auto;
      min-width: 0;
    }
    .body > .legend {
      flex: 0 0 clamp(11rem, 28%, 16rem);
      margin: 0;
      overflow: auto;
    }
    .body > .legend ul {
      flex-direction: column;
    }
  }
`;
