import { css } from 'lit';

/** Styles of `<keck-chart>` (its custom properties are documented on the class). */
export const chartStyles = css`
  figure {
    margin: 0;
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
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    margin: 0.75em 0;
  }
  button {
    font: inherit;
    cursor: pointer;
  }
  .toolbar button {
    padding: 0.25em 0.75em;
    border: 1px solid var(--_keck-accent);
    border-radius: 4px;
    color: var(--_keck-accent);
    background: var(--_keck-panel);
  }
  .toolbar button:hover {
    background: var(--_keck-accent);
    color: #ffffff;
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
