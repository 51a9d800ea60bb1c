import type { ValueBlock } from '../contract/types.js';
import type { SuppressionInput, SuppressionRecord } from './suppression/cube.js';
import { SuppressionEngine } from './suppression/engine.js';

export { effectivePrivacy } from './privacy.js';
export type { SuppressionInput, SuppressionRecord } from './suppression/cube.js';
export { SuppressionEngine, type SensitiveTarget } from './suppression/engine.js';

/**
 * Suppresses what must not be published, when data is prepared. Pure: returns new blocks
 * and never mutates the input. The rules (docs/semantics.md, "Privacy rules"):
 *
 * 1. primary: counts small as displayed at their decimals (0, or 1 when zeros are allowed,
 *    up to the threshold), published or withheld, and cells suppressed in the source;
 * 2. secondary and complementary: in every additive group (the areas of a level adding to
 *    the reference, the children of a parent area adding to the parent, parts adding up to a
 *    count, declared or found in the data, two numerators adding up to their denominator, the
 *    reference on each level) a hidden cell never stands alone: complements are added,
 *    smallest non-zero value first, until at least two cells are unknown and their sum
 *    exceeds the threshold, or else the total is hidden;
 * 3. derived: shares/rates on a hidden count, shares that give away a small count or a small
 *    rest of their denominator (group disclosure), shares on a denominator below
 *    `minDenominator` together with their numerator, changes between years on a hidden count,
 *    and shares that add up to the whole with a hidden one;
 *
 * all repeated until nothing changes. This does not prove that no hidden count can be
 * narrowed down: the disclosure audit (`protectWithAudit` in disclosure-audit.ts) does.
 */
export function suppress(input: SuppressionInput): { blocks: ValueBlock[]; report: SuppressionRecord[] } {
  const { cube } = new SuppressionEngine(input);
  return { blocks: cube.output(), report: cube.report };
}
