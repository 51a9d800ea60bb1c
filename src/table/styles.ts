import { css } from 'lit';

/** Styles of `<keck-table>` (its custom properties are documented on the class). */
export const tableStyles = css`
  .scroll {
    max-width: 100%;
    max-height: var(--keck-table-max-height, 70vh);
    overflow: auto;
    border: 1px solid var(--_keck-border);
    border-radius: 4px;
  }
  table {
    border-collapse: separate;
    border-spacing: 0;
    min-width: 100%;
    font-variant-numeric: tabular-nums;
  }
  caption {
    caption-side: top;
    text-align: start;
    font-weight: bold;
    padding: 0.5em 0.75em;
  }
  th,
  td {
    padding: 0.35em 0.75em;
    border-bottom: 1px solid var(--_keck-border);
    vertical-align: top;
  }
  td {
    text-align: end;
    white-space: nowrap;
  }
  thead th {
    position: sticky;
    top: 0;
    z-index: 2;
    background: var(--keck-table-header-background, Canvas);
    vertical-align: bottom;
    text-align: start;
    min-width: 7em;
  }
  thead th.number {
    text-align: end;
  }
  th[scope='row'] {
    position: sticky;
    left: 0;
    z-index: 1;
    background: var(--keck-table-header-background, Canvas);
    text-align: start;
    font-weight: normal;
    min-width: 8em;
    max-width: 14em;
  }
  thead th:first-child {
    left: 0;
    z-index: 3;
  }
  tbody.areas tr:nth-child(even) td {
    background: var(--keck-table-stripe, transparent);
  }
  tbody.reference th,
  tbody.reference td {
    font-weight: bold;
    border-bottom: 3px double var(--_keck-border);
  }
  tr.selected th[scope='row'],
  tr.selected td {
    background: var(--keck-selected, color-mix(in srgb, var(--_keck-accent) 14%, Canvas));
  }
  tr.selected .area::before {
    content: '▶ ';
  }
  button {
    font: inherit;
    color: inherit;
  }
  .sort {
    display: inline-flex;
    gap: 0.3em;
    align-items: flex-end;
    padding: 0.1em 0.2em;
    border: 0;
    background: none;
    color: inherit;
    font: inherit;
    font-weight: bold;
    text-align: inherit;
    cursor: pointer;
  }
  .sort .arrow {
    min-width: 1em;
  }
  .unit {
    font-weight: normal;
    color: var(--_keck-muted);
  }
  /* Header cells may be themed with ::part(header) (a dark corporate colour): units follow their colour. */
  thead .unit {
    color: inherit;
  }
  .area {
    border: 0;
    padding: 0;
    background: none;
    text-align: start;
    text-decoration: underline;
    text-underline-offset: 0.15em;
    cursor: pointer;
  }
  tbody.areas tr {
    cursor: pointer;
  }
  .swatch {
    display: inline-block;
    width: 0.9em;
    height: 0.9em;
    margin-inline-end: 0.4em;
    vertical-align: -0.1em;
    border: 1px solid var(--_keck-border);
  }
  .notes {
    margin: 0.5em 0 0;
    font-size: 0.9em;
    color: var(--_keck-muted);
  }
  .notes p {
    margin: 0.2em 0;
  }
  .notes dl {
    margin: 0.3em 0;
  }
  .notes dd {
    margin: 0 0 0.4em 1em;
  }
  @media (forced-colors: active) {
    .swatch {
      forced-color-adjust: none;
    }
    tr.selected th[scope='row'],
    tr.selected td {
      outline: 2px solid Highlight;
    }
  }
`;
