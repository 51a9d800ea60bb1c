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

/** The map element's own styles. */
export const mapStyles = css`
  figure {
    margin: 0;
  }
  figcaption {
    font-weight: bold;
    margin-bottom: 0.5em;
  }
  .controls {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em 1em;
    margin-bottom: 0.5em;
    border: 0;
    padding: 0;
  }
  .controls label {
    display: flex;
    flex-direction: column;
    font-size: 0.9em;
  }
  .stage {
    position: relative;
  }
  .map {
    height: var(--keck-map-height, 28rem);
    border: 1px solid var(--_keck-border);
  }
  .map:focus-visible {
    outline: 3px solid var(--_keck-focus);
    outline-offset: 2px;
  }
  .details {
    position: absolute;
    z-index: 2;
    pointer-events: none;
    max-width: 16rem;
    padding: 0.4em 0.6em;
    background: var(--_keck-panel);
    background-color: #ffffff;
    color: #1a1a1a;
    border: 1px solid var(--_keck-border);
    border-radius: 4px;
    box-shadow: 0 1px 4px rgb(0 0 0 / 0.3);
    font-size: 0.9em;
  }
  .details[hidden] {
    display: none;
  }
  .details p {
    margin: 0;
  }
  .details .name {
    font-weight: bold;
  }
  .help,
  .attribution,
  .source {
    font-size: 0.85em;
    color: var(--_keck-muted);
    margin: 0.4em 0;
  }
  .attribution a {
    color: inherit;
  }
  .legend {
    margin: 0.5em 0;
  }
  .legend-title {
    font-weight: bold;
    margin: 0 0 0.25em;
  }
  .legend ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .legend li {
    display: flex;
    align-items: center;
    gap: 0.5em;
    margin: 0.15em 0;
  }
  .swatch {
    display: inline-block;
    width: 1.4em;
    height: 1em;
    border: 1px solid #666666;
    flex: none;
  }
  .swatch.hatch {
    background-color: var(--hatch-base, #ffffff);
    background-image: repeating-linear-gradient(45deg, var(--hatch-stripe, #636363) 0 1.5px, transparent 1.5px 5.5px);
  }
  .swatch.column {
    width: 0.6em;
    height: 1.2em;
  }
  .exports {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4em;
    align-items: center;
    margin: 0.5em 0;
  }
  button,
  select {
    font: inherit;
  }
  tr.selected {
    font-weight: bold;
  }
`;
