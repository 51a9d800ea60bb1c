import { css } from 'lit';

/** The plain data table that maps and charts offer as their text alternative. */
export const dataTableStyles = css`
  table {
    border-collapse: collapse;
    margin-top: 0.5em;
  }
  caption {
    text-align: left;
    font-weight: bold;
    padding-bottom: 0.25em;
  }
  th,
  td {
    border: 1px solid var(--_keck-border);
    padding: 0.2em 0.5em;
    text-align: left;
  }
  td.number {
    text-align: right;
    font-variant-numeric: tabular-nums;
  }
`;
