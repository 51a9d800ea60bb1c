import { css } from 'lit';

/**
 * Where a popup (the map's details, the chart's tooltip) goes beside a point of its box: on the
 * side with more room, so that it never leaves the box. Inline style properties for `setStyles`.
 */
export function besidePoint(point: { x: number; y: number }, box: HTMLElement | null | undefined, gap = 12): Record<string, string> {
  const width = box?.clientWidth ?? Infinity;
  const height = box?.clientHeight ?? Infinity;
  const placement: Record<string, string> = {};
  if (point.x > width / 2) placement.right = `${Math.round(width - point.x + gap)}px`;
  else placement.left = `${Math.round(point.x + gap)}px`;
  if (point.y > height / 2) placement.bottom = `${Math.round(height - point.y + gap)}px`;
  else placement.top = `${Math.round(point.y + gap)}px`;
  return placement;
}

/** The look of every popup: a light panel over the drawing that never takes the pointer. */
export const popupStyles = css`
  .popup {
    position: absolute;
    z-index: 2;
    pointer-events: none;
    max-width: min(18rem, calc(100% - 1em));
    padding: 0.4em 0.6em;
    background-color: #ffffff;
    color: #1a1a1a;
    border: 1px solid var(--_keck-border);
    border-radius: 4px;
    box-shadow: 0 1px 4px rgb(0 0 0 / 0.3);
    font-size: 0.85em;
  }
  .popup[hidden] {
    display: none;
  }
  .popup p {
    margin: 0;
  }
  .popup .name {
    font-weight: bold;
  }
`;
