import type { ClassificationMethod } from '../core/classify.js';

/**
 * How an element with its own `classification`, `classes` or `breaks` divides an indicator into
 * classes: the group's other elements colour that indicator the same way (one styled view).
 */
export interface SharedClasses {
  indicator: string;
  classification?: ClassificationMethod;
  classes?: number;
  breaks?: number[];
}

/** The view that elements of one `group` share. */
export interface GroupView {
  level?: string;
  year?: number;
  indicator?: string;
  /** Selected area keys, most recent last. */
  areas: string[];
  /** The classes set by an element's own attributes, for the others showing the same indicator. */
  classes?: SharedClasses;
}

const GROUPS = Symbol.for('keck-atlas.groups');

/**
 * Linking between elements: every element with the same `group` attribute reads and
 * writes one shared view; changes reach the others through a `change` event.
 */
export class AtlasGroup extends EventTarget {
  /**
   * The page's groups, kept on `globalThis` so that two copies of the library on one page
   * (the CDN script and a site's own bundle) still link their elements.
   */
  private static get groups(): Map<string, AtlasGroup> {
    const registry = globalThis as { [GROUPS]?: Map<string, AtlasGroup> };
    return (registry[GROUPS] ??= new Map());
  }

  static named(name: string): AtlasGroup {
    let group = AtlasGroup.groups.get(name);
    if (!group) {
      group = new AtlasGroup(name);
      AtlasGroup.groups.set(name, group);
    }
    return group;
  }

  view: GroupView = { areas: [] };

  private constructor(readonly name: string) {
    super();
  }

  /** Merges a change into the shared view and notifies the members (except `source`). */
  update(change: Partial<GroupView>, source?: EventTarget): void {
    this.view = { ...this.view, ...change };
    this.dispatchEvent(new GroupChangeEvent(this.view, source));
  }
}

export class GroupChangeEvent extends Event {
  constructor(
    readonly view: GroupView,
    readonly source?: EventTarget,
  ) {
    super('change');
  }
}
