import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { uiLocale } from '../contract/localize.js';
import type { Bookmark, Locale } from '../contract/types.js';
import type { Atlas } from '../data/atlas.js';
import { linkGroupToHash } from './deep-link.js';
import { KeckAreaSelectEvent } from './events.js';
import { AtlasGroup, GroupChangeEvent, type GroupView, type SharedClasses } from './group.js';
import type { Problem } from './problem.js';

/** What the view controller reads from its element. */
export interface ViewHost extends ReactiveControllerHost, EventTarget {
  level?: string;
  year?: number;
  group?: string;
  bookmark?: string;
  deepLink: boolean;
  readonly isConnected: boolean;
  readonly activeLocale: Locale;
}

/**
 * The one place that decides what an element shows and what is selected.
 *
 * **What is shown** (level, year, indicator, indicators, areas) is resolved in one order for
 * every element: the element's own attribute, then its group's shared view, then the opened
 * bookmark, then the atlas's defaults (for the year: the latest year with data). A value from
 * the group or a bookmark is taken only where this element's atlas and level have it; an
 * attribute naming something the atlas lacks is a {@link Problem}, shown until it is fixed.
 *
 * **The group shares** the level, year and indicator chosen with an element's own controls
 * (they reach the members that did not fix their own attribute) and the selection. It does not
 * force anything on an element that set the attribute itself.
 *
 * **Selection** follows one rule everywhere: a click, Enter or Space on an area toggles it
 * (adds it, most recent last, or removes it); Escape clears the areas of the element's level.
 * Selecting never changes the level others show: every element shows the selected areas that
 * exist on its level and ignores the others (an area report names them as "not on this level").
 * An element that shows at most N areas (the area report: 3) says so when more are selected;
 * nothing is dropped from the selection.
 */
export class ViewController implements ReactiveController {
  private joined?: AtlasGroup;
  private releaseDeepLink?: () => void;
  private localAreas: string[] = [];
  private publishedBookmark?: Bookmark;

  constructor(
    private readonly host: ViewHost,
    private readonly atlasOf: () => Atlas | undefined,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.join();
  }

  hostDisconnected(): void {
    this.leave();
  }

  hostUpdate(): void {
    this.join();
    this.openBookmark();
  }

  /** The group's shared view (an empty one without a group). */
  get groupView(): GroupView {
    return this.joined?.view ?? { areas: [] };
  }

  get inGroup(): boolean {
    return this.joined !== undefined;
  }

  /** The bookmark named by the `bookmark` attribute, once the atlas is loaded. */
  get bookmark(): Bookmark | undefined {
    return this.host.bookmark ? this.atlasOf()?.bookmark(this.host.bookmark) : undefined;
  }

  /** The level shown: attribute, group, bookmark, atlas default. */
  get level(): string | undefined {
    const atlas = this.atlasOf();
    if (this.host.level !== undefined) return this.host.level;
    const known = (id: string | undefined) => (id && atlas?.level(id) ? id : undefined);
    return known(this.groupView.level) ?? known(this.bookmark?.level) ?? atlas?.manifest.defaults.level;
  }

  /** The year shown: attribute, group, bookmark, atlas default, else the latest year with data on the level. */
  get year(): number | undefined {
    const atlas = this.atlasOf();
    const level = this.level;
    if (this.host.year !== undefined) return this.host.year;
    const years = atlas && level ? atlas.years(level) : [];
    const known = (year: number | undefined) => (year !== undefined && years.includes(year) ? year : undefined);
    return known(this.groupView.year) ?? known(this.bookmark?.year) ?? known(atlas?.manifest.defaults.year) ?? years.at(-1);
  }

  /** The one indicator shown by an element showing one: attribute, group, bookmark, atlas default, else the first renderable on the level. */
  indicator(own: string | undefined): string | undefined {
    if (own) return own;
    const atlas = this.atlasOf();
    const renderable = atlas?.renderableIndicators(this.level) ?? [];
    const known = (id: string | undefined) => (id && renderable.some((indicator) => indicator.id === id) ? id : undefined);
    const bookmark = this.bookmark;
    return (
      known(this.groupView.indicator) ??
      known(bookmark?.indicator) ??
      known(bookmark?.indicators?.[0]) ??
      known(atlas?.manifest.defaults.indicator) ??
      renderable[0]?.id
    );
  }

  /** The indicators shown by an element showing several: its own list, else the bookmark's; undefined means every published one. */
  indicators(own: string[] | undefined): string[] | undefined {
    const bookmark = this.bookmark;
    return own ?? bookmark?.indicators ?? (bookmark?.indicator ? [bookmark.indicator] : undefined);
  }

  /** Every selected area key (of any level), most recent last. */
  get selection(): string[] {
    return this.joined ? this.joined.view.areas : this.localAreas;
  }

  /** The selected areas that exist on a level, most recent last. */
  selectedOn(level: string | undefined): string[] {
    const atlas = this.atlasOf();
    return level && atlas ? this.selection.filter((key) => atlas.area(level, key)) : [];
  }

  /** The areas shown by an element with an `areas` attribute: its own list, else the selection on its level, else the bookmark's. */
  areas(own: string[] | undefined): string[] {
    if (own) return own;
    const selected = this.selectedOn(this.level);
    return selected.length ? selected : (this.bookmark?.areas ?? []);
  }

  /** Toggles an area of a level in the selection and fires `keck-area-select`; returns whether it is now selected. */
  toggle(level: string, key: string): boolean {
    const current = this.selection;
    const selected = !current.includes(key);
    this.setSelection(selected ? [...current, key] : current.filter((k) => k !== key));
    this.host.dispatchEvent(new KeckAreaSelectEvent(level, selected ? key : null));
    return selected;
  }

  /** Removes the areas of a level from the selection (Escape) and fires `keck-area-select` with key null. */
  clear(level: string): void {
    const atlas = this.atlasOf();
    this.setSelection(this.selection.filter((key) => !atlas?.area(level, key)));
    this.host.dispatchEvent(new KeckAreaSelectEvent(level, null));
  }

  /** Shares a choice made with the element's own controls (level, year, indicator) with its group. */
  share(change: Omit<Partial<GroupView>, 'areas'>): void {
    this.joined?.update(change, this.host);
    this.host.requestUpdate();
  }

  /**
   * Offers the classes this element's own attributes set for `indicator` to its group (nothing
   * happens when they are what the group has already).
   */
  shareClasses(classes: SharedClasses): void {
    if (!this.joined || JSON.stringify(this.joined.view.classes) === JSON.stringify(classes)) return;
    this.joined.update({ classes }, this.host);
  }

  /** The classes for `indicator`: the element's own when it set any, else those its group shares for that indicator. */
  classesFor(indicator: string, own: Omit<SharedClasses, 'indicator'>): Omit<SharedClasses, 'indicator'> {
    if (own.classification !== undefined || own.classes !== undefined || own.breaks !== undefined) return own;
    const shared = this.joined?.view.classes;
    return shared?.indicator === indicator ? { classification: shared.classification, classes: shared.classes, breaks: shared.breaks } : {};
  }

  /** The problems of the shared attributes: a level, year or bookmark the atlas lacks. */
  attributeProblems(): Problem[] {
    const atlas = this.atlasOf();
    if (!atlas) return [];
    const texts = TEXTS[uiLocale(this.host.activeLocale)];
    const problems: Problem[] = [];
    const level = this.host.level;
    if (level !== undefined && !atlas.level(level)) {
      problems.push({ code: 'unknown-level', detail: level, message: texts.unknownLevel(level, atlas.manifest.levels.map((l) => l.id)) });
    } else if (this.host.year !== undefined) {
      // A year of the atlas that this level lacks is shown as the data say (no values); a year the atlas never has is a typo.
      const years = [...new Set(atlas.levels.flatMap((l) => atlas.years(l.id)))].sort((a, b) => a - b);
      if (!years.includes(this.host.year)) problems.push({ code: 'unknown-year', detail: String(this.host.year), message: texts.unknownYear(this.host.year, years) });
    }
    const id = this.host.bookmark;
    if (id && !atlas.bookmark(id) && !atlas.ignoredBookmarks.has(id)) problems.push({ code: 'unknown-bookmark', detail: id, message: texts.unknownBookmark(id, atlas.bookmarkIds()) });
    return problems;
  }

  private setSelection(areas: string[]): void {
    if (this.joined) this.joined.update({ areas }, this.host);
    else this.localAreas = areas;
    this.host.requestUpdate();
  }

  /** Shares a newly opened bookmark's view with the group. */
  private openBookmark(): void {
    const bookmark = this.bookmark;
    if (!bookmark || bookmark === this.publishedBookmark || !this.joined) return;
    this.publishedBookmark = bookmark;
    const change: Partial<GroupView> = {};
    if (bookmark.level) change.level = bookmark.level;
    if (bookmark.year !== undefined) change.year = bookmark.year;
    if (bookmark.indicator) change.indicator = bookmark.indicator;
    if (bookmark.areas) change.areas = bookmark.areas;
    this.joined.update(change, this.host);
  }

  private readonly onGroupChange = (event: Event) => {
    if ((event as GroupChangeEvent).source !== this.host) this.host.requestUpdate();
  };

  private join(): void {
    const next = this.host.group && this.host.isConnected ? AtlasGroup.named(this.host.group) : undefined;
    if (next !== this.joined) {
      this.leave();
      this.joined = next;
      next?.addEventListener('change', this.onGroupChange);
    }
    if (next && this.host.deepLink && !this.releaseDeepLink) this.releaseDeepLink = linkGroupToHash(next);
    if (!this.host.deepLink || !next) this.releaseHash();
  }

  private leave(): void {
    this.joined?.removeEventListener('change', this.onGroupChange);
    this.joined = undefined;
    this.publishedBookmark = undefined;
    this.releaseHash();
  }

  private releaseHash(): void {
    this.releaseDeepLink?.();
    this.releaseDeepLink = undefined;
  }
}

const list = (items: (string | number)[]) => items.join(', ');

const TEXTS = {
  de: {
    unknownLevel: (id: string, known: string[]) => `Die Ebene „${id}“ gibt es in diesem Atlas nicht (Attribut „level“). Vorhanden: ${list(known)}.`,
    unknownYear: (year: number, known: number[]) =>
      `Für das Jahr ${year} hat dieser Atlas keine Werte (Attribut „year“).` + (known.length ? ` Vorhanden: ${list(known)}.` : ''),
    unknownBookmark: (id: string, known: string[]) =>
      `Die gespeicherte Ansicht „${id}“ gibt es in diesem Atlas nicht (Attribut „bookmark“).` + (known.length ? ` Vorhanden: ${list(known)}.` : ''),
  },
  en: {
    unknownLevel: (id: string, known: string[]) => `The atlas has no level "${id}" (attribute "level"). Available: ${list(known)}.`,
    unknownYear: (year: number, known: number[]) => `The atlas has no values for ${year} (attribute "year").` + (known.length ? ` Available: ${list(known)}.` : ''),
    unknownBookmark: (id: string, known: string[]) => `The atlas has no saved view "${id}" (attribute "bookmark").` + (known.length ? ` Available: ${list(known)}.` : ''),
  },
} as const;
