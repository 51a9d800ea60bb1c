// The d3 packages ship no type declarations; these cover the parts the core uses.
declare module 'd3-scale-chromatic' {
  /** ColorBrewer schemes: `scheme[k]` holds k colours, k from 3 to 9. */
  export const schemeOrRd: ReadonlyArray<ReadonlyArray<string>>;
  export const schemeBlues: ReadonlyArray<ReadonlyArray<string>>;
  export const schemePurples: ReadonlyArray<ReadonlyArray<string>>;
  export function interpolateRdBu(t: number): string;
  export function interpolatePuOr(t: number): string;
}

declare module 'd3-color' {
  export interface RGBColor {
    r: number;
    g: number;
    b: number;
    opacity: number;
    formatHex(): string;
  }
  export interface Color {
    rgb(): RGBColor;
  }
  /** Parses a CSS colour; null when it is not one. */
  export function color(specifier: string): Color | null;
}
