import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { localize, uiLocale } from '../contract/localize.js';
import type { Bookmark, Locale } from '../contract/types.js';
import { AtlasController } from './atlas-controller.js';
import { linkGroupToHash } from './deep-link.js';
import { AtlasGroup, GroupChangeEvent, type GroupView } from './group.js';
import { resolveLocale } from './locale.js';
import { statusMessage } from './status-messages.js';
import { baseStyles } from './styles.js';

/**
 * The base of every keck-atlas element: the shared attributes, loading through the
 * shared store, the loading and error states, locale and group linking.
 *
 * @csspart status - The loading or error message.
 * @csspart bookmark - The opened bookmark's title and interpretation text (see `renderBookmarkText()`).
 * @cssprop {<color>} [--keck-text=inherit] - Text colour (default: inherited from the page).
 * @cssprop {<color>} [--keck-background=transparent] - Background of the element; panels and buttons drawn on the map or chart use it too (default there: `Canvas`).
 * @cssprop {<color>} [--keck-border=#767676] - Border colour of tables, panels and the status message.
 * @cssprop {<color>} [--keck-accent=#0b5cad] - Accent colour: focus rings, selection, buttons, the bookmark's rule.
 * @cssprop {<color>} [--keck-error=#b00020] - Colour of error messages.
 * @cssprop {<color>} [--keck-muted=#595959] - Secondary text (units, footnotes, sources).
 * @cssprop {<color>} --keck-class-1 - Colour of the lowest class; `--keck-class-2` … `--keck-class-7` for the others (default: the ColorBrewer scheme for the indicator's polarity, from the core).
 * @cssprop {<color>} [--keck-suppressed=#ffffff] - Base colour of suppressed ("k. A.") areas, under the stripes.
 * @cssprop {<color>} [--keck-suppressed-stripe=#636363] - Stripe colour of suppressed areas.
 * @cssprop {<color>} [--keck-missing=#d9d9d9] - Colour of areas without data ("–").
 */
export abstract class KeckElement extends LitElement {
  static override styles = [baseStyles];

  /** URL of the atlas manifest (the contract's JSON). */
  @property({ reflect: true }) src?: string;

  /** Spatial level id (default: the atlas's default level). */
  @property({ reflect: true }) level?: string;

  /** Year (default: the atlas's default year, else the latest year). */
  @property({ type: Number, reflect: true }) year?: number;

  /**
   * A BCP 47 language tag (`de`, default, `en`, `tr`, `de-CH` …); when absent, the host page's `lang`. Texts of the
   * atlas are shown in it where the atlas has them (else German, English, the first given); the element's own texts
   * are English for any `en` tag, else German.
   */
  @property({ reflect: true }) locale?: Locale;

  /** Elements with the same group share the selected areas, the indicator and the year. */
  @property({ reflect: true }) group?: string;

  /** Id of a saved view (bookmark) of the atlas to open. */
  @property({ reflect: true }) bookmark?: string;

  /**
   * Origins besides the manifest's own that URLs in the manifest may name (geometry, value files,
   * POI files), separated by spaces: `allowed-origins="https://geo.example.org"`. Adds to the page's
   * `<meta name="keck-atlas-allowed-origins">`. Read when `src` is loaded.
   */
  @property({ attribute: 'allowed-origins', reflect: true }) allowedOrigins?: string;

  /** Seconds a request may go without an answer before it is retried once, then given up (default 30, or the page's `<meta name="keck-atlas-timeout">`). */
  @property({ type: Number, reflect: true }) timeout?: number;

  /** With a `group`: the page URL's hash carries the group's view (`#keck=group:level:year:indicator:areas`). */
  @property({ type: Boolean, reflect: true, attribute: 'deep-link' }) deepLink = false;

  protected readonly data = new AtlasController(this);
  private joinedGroup?: AtlasGroup;
  private releaseDeepLink?: () => void;
  private publishedBookmark?: Bookmark;

  /** Resolves once the element shows the loaded atlas (keck-load waits for it); rejects when it cannot. */
  async whenRendered(): Promise<void> {
    await this.updateComplete;
  }

  /** The locale in effect. */
  get activeLocale(): Locale {
    return resolveLocale(this, this.locale);
  }

  /** The level in effect: attribute, the group's level, bookmark, then the atlas default. */
  get activeLevel(): string | undefined {
    const atlas = this.data.atlas;
    const shared = this.joinedGroup?.view.level;
    if (this.level !== undefined) return this.level;
    if (shared !== undefined && atlas?.level(shared)) return shared;
    return this.activeBookmark?.level ?? atlas?.manifest.defaults.level;
  }

  /**
   * The year in effect: the group's year (so that changing it anywhere changes it everywhere),
   * then attribute, bookmark, atlas default, else the latest year with data.
   */
  get activeYear(): number | undefined {
    const atlas = this.data.atlas;
    const level = this.activeLevel;
    const shared = this.joinedGroup?.view.year;
    if (shared !== undefined) return shared;
    if (this.year !== undefined) return this.year;
    if (this.activeBookmark?.year !== undefined) return this.activeBookmark.year;
    if (atlas?.manifest.defaults.year !== undefined) return atlas.manifest.defaults.year;
    return atlas && level ? atlas.years(level).at(-1) : undefined;
  }

  /**
   * The one indicator in effect for an element showing one (map, chart): the group's
   * indicator, then the element's own attribute, the bookmark's, the atlas default.
   * An indicator the atlas may not render is never returned from the group or bookmark.
   */
  protected resolveIndicator(own?: string): string | undefined {
    const atlas = this.data.atlas;
    const renderable = (id: string | undefined) => {
      const indicator = id ? atlas?.indicator(id) : undefined;
      return indicator && atlas?.isRenderable(indicator) ? id : undefined;
    };
    const bookmark = this.activeBookmark;
    return (
      renderable(this.joinedGroup?.view.indicator) ??
      own ??
      renderable(bookmark?.indicator) ??
      renderable(bookmark?.indicators?.[0]) ??
      atlas?.manifest.defaults.indicator
    );
  }

  /** The indicators in effect for an element showing several: its own list, else the bookmark's; undefined means all published. */
  protected resolveIndicators(own?: string[]): string[] | undefined {
    const bookmark = this.activeBookmark;
    return own ?? bookmark?.indicators ?? (bookmark?.indicator ? [bookmark.indicator] : undefined);
  }

  /** The areas in effect: the element's own list, else the group's selection (most recent last), else the bookmark's. */
  protected resolveAreas(own?: string[]): string[] {
    const shared = this.joinedGroup?.view.areas ?? [];
    return own ?? (shared.length > 0 ? shared : (this.activeBookmark?.areas ?? []));
  }

  /** The bookmark named by the `bookmark` attribute, once the atlas is loaded. */
  get activeBookmark() {
    return this.bookmark ? this.data.atlas?.bookmark(this.bookmark) : undefined;
  }

  /** The shared view of this element's group (an empty selection without a group). */
  get groupView(): GroupView {
    return this.joinedGroup?.view ?? { areas: [] };
  }

  /** Whether the element belongs to a group. */
  get inGroup(): boolean {
    return this.joinedGroup !== undefined;
  }

  /** Publishes a change to the element's group, if it has one (e.g. `updateGroup({ year })` when its own control changes the year). */
  protected updateGroup(change: Partial<GroupView>): void {
    this.joinedGroup?.update(change, this);
    this.requestUpdate();
  }

  /** Adds an area to the group's selection (most recent last); `null` clears it. No-op without a group. */
  protected selectGroupArea(level: string, key: string | null): void {
    this.joinedGroup?.selectArea(level, key, this);
    this.requestUpdate();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.joinGroup();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.leaveGroup();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('group') || changed.has('deepLink')) && this.isConnected) this.joinGroup();
    // A year set on a linked element after its first render (its own control, a script) goes to the whole group.
    const group = this.joinedGroup;
    if (this.hasUpdated && changed.has('year') && this.year !== undefined && group && group.view.year !== this.year) group.update({ year: this.year }, this);
    if (this.data.status === 'ready' && this.bookmark) this.openBookmark(this.bookmark);
  }

  /** Fails on an unknown bookmark id, ignores one the atlas may not render; shares a newly opened bookmark's view with the group. */
  private openBookmark(id: string): void {
    const bookmark = this.activeBookmark;
    if (!bookmark) {
      // A bookmark about an indicator that may not be rendered is ignored (the store warned in the console).
      if (!this.data.atlas?.ignoredBookmarks.has(id)) this.data.fail(BOOKMARK_MESSAGES[uiLocale(this.activeLocale)].unknown(id, this.data.atlas?.bookmarkIds() ?? []));
      return;
    }
    if (bookmark === this.publishedBookmark || !this.joinedGroup) return;
    this.publishedBookmark = bookmark;
    const change: Partial<GroupView> = {};
    if (bookmark.level) change.level = bookmark.level;
    if (bookmark.year !== undefined) change.year = bookmark.year;
    if (bookmark.indicator) change.indicator = bookmark.indicator;
    if (bookmark.areas) change.areas = bookmark.areas;
    this.joinedGroup.update(change, this);
  }

  /** The opened bookmark's title and interpretation text, for elements to put above their content; `nothing` without one. */
  protected renderBookmarkText(): TemplateResult | typeof nothing {
    const bookmark = this.activeBookmark;
    if (!bookmark) return nothing;
    const locale = this.activeLocale;
    return html`<div part="bookmark" class="bookmark" role="note" aria-label=${BOOKMARK_MESSAGES[uiLocale(locale)].label}>
      <p class="bookmark-title"><strong>${localize(bookmark.title, locale)}</strong></p>
      <p class="bookmark-text">${localize(bookmark.text, locale)}</p>
    </div>`;
  }

  /** Called when another member changed the group's view; the default re-renders. */
  protected groupChanged(_view: GroupView): void {
    this.requestUpdate();
  }

  private readonly onGroupChange = (event: Event) => {
    const change = event as GroupChangeEvent;
    if (change.source !== this) this.groupChanged(change.view);
  };

  private joinGroup(): void {
    const next = this.group ? AtlasGroup.named(this.group) : undefined;
    if (next !== this.joinedGroup) {
      this.leaveGroup();
      this.joinedGroup = next;
      next?.addEventListener('change', this.onGroupChange);
    }
    if (next && this.deepLink && !this.releaseDeepLink) this.releaseDeepLink = linkGroupToHash(next);
    if (!this.deepLink) this.releaseDeepLinkNow();
  }

  private leaveGroup(): void {
    this.joinedGroup?.removeEventListener('change', this.onGroupChange);
    this.joinedGroup = undefined;
    this.publishedBookmark = undefined;
    this.releaseDeepLinkNow();
  }

  private releaseDeepLinkNow(): void {
    this.releaseDeepLink?.();
    this.releaseDeepLink = undefined;
  }

  /** The loading or error message, or `nothing` when the atlas is ready. */
  protected renderStatus(): TemplateResult | typeof nothing {
    const locale = this.activeLocale;
    switch (this.data.status) {
      case 'ready':
        return nothing;
      case 'idle':
        return html`<p part="status" class="status">${statusMessage('noSource', locale)}</p>`;
      case 'loading':
        return html`<p part="status" class="status" role="status">${statusMessage('loading', locale)}</p>`;
      case 'error':
        return html`<div part="status" class="status error" role="alert">
          <p><strong>${statusMessage('errorTitle', locale)}</strong></p>
          ${this.data.errorIssues.length > 1
            ? html`<ul>
                ${this.data.errorIssues.map((issue) => html`<li><code>${issue.file}</code> ${issue.path}: ${issue.expected} – ${issue.found}</li>`)}
              </ul>`
            : html`<p>${this.data.errorMessage}</p>`}
        </div>`;
    }
  }
}

const BOOKMARK_MESSAGES = {
  de: {
    label: 'Gespeicherte Ansicht',
    unknown: (id: string, known: string[]) =>
      `Die gespeicherte Ansicht „${id}“ gibt es in diesem Atlas nicht.` + (known.length ? ` Vorhanden: ${known.join(', ')}.` : ''),
  },
  en: {
    label: 'Saved view',
    unknown: (id: string, known: string[]) => `The atlas has no saved view "${id}".` + (known.length ? ` Available: ${known.join(', ')}.` : ''),
  },
} as const;
