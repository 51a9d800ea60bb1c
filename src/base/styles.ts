import { css } from 'lit';

/**
 * Shared host styles (the custom properties are documented on KeckElement). The themable
 * colours are resolved here, once, on `:host`: every style of every element uses the private
 * `--_keck-*` properties, so a default is written in one place only.
 */
export const baseStyles = css`
  :host {
    --_keck-accent: var(--keck-accent, #0b5cad);
    --_keck-focus: var(--keck-focus, var(--_keck-accent));
    --_keck-border: var(--keck-border, #767676);
    --_keck-muted: var(--keck-muted, #595959);
    --_keck-error: var(--keck-error, #b00020);
    --_keck-panel: var(--keck-background, Canvas);
    display: block;
    /* A height given to the element never lets its content spill onto the page: the drawing
       area takes what is left, and if even that does not fit the element scrolls. */
    overflow: auto;
    max-width: 100%;
    font: inherit;
    color: var(--keck-text, inherit);
    background: var(--keck-background, transparent);
    box-sizing: border-box;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  .status {
    margin: 0;
    padding: 0.75em 1em;
    border: 1px solid var(--_keck-border);
    border-radius: 4px;
  }
  .status.error {
    border-color: var(--_keck-error);
    color: var(--_keck-error);
    overflow-wrap: anywhere;
  }
  .status.error p {
    margin: 0 0 0.25em;
  }
  .status.error ul {
    margin: 0;
    padding-left: 1.25em;
  }
  .status .retry {
    margin-top: 0.5em;
    padding: 0.3em 0.8em;
    min-height: 24px;
    font: inherit;
    color: inherit;
    background: var(--_keck-panel);
    border: 1px solid currentColor;
    border-radius: 4px;
    cursor: pointer;
  }
  .bookmark {
    margin: 0 0 1em;
    padding: 0.5em 0.75em;
    border-left: 4px solid var(--_keck-accent);
  }
  .bookmark p {
    margin: 0.25em 0;
  }
  /* Inside the element's box (it clips what overflows), also at its edges. */
  :focus-visible {
    outline: 3px solid var(--_keck-focus);
    outline-offset: -1px;
  }
  a:focus-visible {
    outline-offset: 1px;
  }
  /* Every element's download and print buttons: one group, one look (part "exports", "button"). */
  .exports {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4em;
    align-items: center;
    margin: 0.5em 0 0;
  }
  .exports button {
    min-height: 24px;
    min-width: 24px;
    padding: 0.2em 0.7em;
    font: inherit;
    font-size: 0.9em;
    border: 1px solid var(--_keck-accent);
    border-radius: 4px;
    background: var(--_keck-panel);
    color: var(--_keck-accent);
    cursor: pointer;
  }
  .exports button:hover {
    background: var(--_keck-accent);
    color: #ffffff;
  }
  .exports button:disabled,
  .exports button[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.7;
  }
  .exports .error {
    color: var(--_keck-error);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  @media (forced-colors: active) {
    .status {
      border-color: CanvasText;
    }
    /* Class colours carry meaning (with text beside them): keep them in Windows high contrast. */
    .swatch,
    canvas,
    svg {
      forced-color-adjust: none;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      transition: none !important;
      animation: none !important;
      scroll-behavior: auto !important;
    }
  }
`;
