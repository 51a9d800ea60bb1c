import { css } from 'lit';

export const reportStyles = css`
  header h2 {
    margin: 0 0 0.25em;
    font-size: 1.4em;
  }
  header p {
    margin: 0 0 0.25em;
  }
  .meta,
  .unit-year,
  .footnotes,
  .attribution {
    color: var(--_keck-muted);
  }
  .exports {
    margin: 0.75em 0;
  }
  .topic h3,
  .footnotes h3,
  .attribution h3 {
    margin: 1.25em 0 0.5em;
    font-size: 1.1em;
    break-after: avoid;
  }
  table {
    width: 100%;
    table-layout: fixed;
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }
  th,
  td {
    padding: 0.4em 0.5em;
    border-bottom: 1px solid var(--_keck-border);
    text-align: left;
    vertical-align: top;
  }
  thead th {
    border-bottom-width: 2px;
  }
  thead th:first-child {
    width: 30%;
  }
  tbody th {
    font-weight: normal;
  }
  /* Words break at their syllables where the browser knows the language, else only between words. */
  th,
  td {
    hyphens: auto;
    overflow-wrap: break-word;
  }
  .unit-year {
    display: block;
    font-size: 0.85em;
  }
  .footnote-ref {
    margin-left: 0.15em;
  }
  .value {
    font-weight: bold;
  }
  .value {
    display: block;
  }
  .comparison {
    display: block;
    font-size: 0.85em;
  }
  .bar {
    display: block;
    margin: 0.2em 0;
  }
  .bar .track,
  .bar .axis {
    fill: currentColor;
  }
  .bar .difference {
    fill: var(--keck-bar, var(--_keck-accent));
  }
  .footnotes ol {
    padding-left: 1.5em;
    font-size: 0.9em;
  }
  .footnotes p,
  .attribution ul {
    font-size: 0.9em;
  }
  .attribution ul {
    padding-left: 1.25em;
  }
  a {
    color: var(--_keck-accent);
  }
  @media (forced-colors: active) {
    .bar .difference {
      fill: CanvasText;
    }
  }
  @media print {
    :host {
      overflow: visible;
      font-size: 10pt;
      color: #000;
      background: none;
    }
    .exports {
      display: none;
    }
    thead {
      display: table-header-group;
    }
    th,
    td {
      overflow-wrap: normal;
    }
    /* Small enough that "Prozentpunkte" and "(Durchschnitt)" fit a column of A5 with three areas. */
    thead th,
    .comparison,
    .unit-year {
      font-size: 8pt;
    }
    /* Columns as wide as their longest word needs, so none runs into the next. */
    table {
      table-layout: auto;
    }
    thead th:first-child {
      width: auto;
    }
    tbody th {
      font-size: 9pt;
    }
    tr,
    .footnotes li,
    .bookmark {
      break-inside: avoid;
    }
    .topic h3 {
      break-after: avoid;
    }
    a {
      color: inherit;
    }
  }
`;
