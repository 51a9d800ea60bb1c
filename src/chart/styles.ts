import { css } from 'lit';

/** Styles of `<keck-chart>` (its custom properties are documented on the class). */
export const chartStyles = css`
  figure {
    margin: 0;
  }
  .plot {
    position: relative;
  }
  figcaption {
    font-weight: bold;
    margin-bottom: 0.5em;
  }
  .chart {
    overflow-x: auto;
  }
  .chart svg {
    display: block;
    max-width: none;
  }
  .chart svg path[role],
  .chart .mark-rect path,
  .chart .mark-symbol path {
    cursor: pointer;
  }
  .source {
    margin: 0.5em 0 0;
    font-size: 0.85em;
    color: var(--_keck-muted);
  }
  button {
    font: inherit;
    cursor: pointer;
  }
  details summary {
    cursor: pointer;
  }
  th button {
    border: 0;
    padding: 0;
    background: none;
    color: inherit;
    text-align: left;
    text-decoration: underline;
  }
  th button[aria-pressed='true'] {
    font-weight: bold;
  }
  tr.reference th,
  tr.reference td {
    font-weight: bold;
  }
  .error {
    color: var(--_keck-error);
  }
`;
