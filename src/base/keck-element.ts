import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { localize, uiLocale } from '../contract/localize.js';
import type { Bookmark, Locale } from '../contract/types.js';
import { AtlasController } from './atlas-controller.js';
import { KeckErrorEvent } from './events.js';
import type { GroupView } from './group.js';
import { resolveLocale } from './locale.js';
import { describeIssue, problemKey, type Problem } from './problem.js';
import { renderProblem } from './problem-view.js';
import { statusMessage } from './status-messages.js';
import { baseStyles } from './styles.js';
import { ViewController } from './view-controller.js';

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
 * @cssprop {<color>} [--keck-focus=var(--keck-accent)] - Focus ring of the keyboard focus (and the map's focused area).
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
  /** What the element shows and selects (see ViewController: the one order, the one selection rule). */
  protected readonly shown = new ViewController(this, () => this.data.atlas);
  /** The problem shown instead of the content (undefined when there is none); recomputed on every update. */
  protected problem?: Problem;
  private reportedProblem = '';

  /** Resolves once the element shows the loaded atlas (keck-load waits for it); rejects when it cannot. */
  async whenRendered(): Promise<void> {
    await this.updateComplete;
  }

  /**
   * Resolves when the element has done what its attributes ask for: the atlas loaded (or failed),
   * the content rendered and, for a map or chart, drawn. Tests and scripts wait on it instead of a timeout.
   */
  async settled(): Promise<void> {
    await this.updateComplete;
    await this.data.whenSettled();
    await this.updateComplete;
    if (this.data.status === 'ready' && !this.problem) await this.whenRendered().catch(() => undefined);
    await this.updateComplete;
  }

  /** The locale in effect. */
  get activeLocale(): Locale {
    return resolveLocale(this, this.locale);
  }

  /** The level in effect: attribute, the group's level, bookmark, then the atlas default. */
  get activeLevel(): string | undefined {
    return this.shown.level;
  }

  /** The year in effect: attribute, the group's year, bookmark, atlas default, else the latest year with data. */
  get activeYear(): number | undefined {
    return this.shown.year;
  }

  /** The bookmark named by the `bookmark` attribute, once the atlas is loaded. */
  get activeBookmark(): Bookmark | undefined {
    return this.shown.bookmark;
  }

  /** The shared view of this element's group (an empty selection without a group). */
  get groupView(): GroupView {
    return this.shown.groupView;
  }

  /** Whether the element belongs to a group. */
  get inGroup(): boolean {
    return this.shown.inGroup;
  }

  /** The selected areas on the element's level (the group's, else its own), most recent last. */
  get selectedAreas(): string[] {
    return this.shown.selectedOn(this.activeLevel);
  }

  /**
   * What keeps the element from showing its content, beyond loading and the shared attributes
   * (e.g. an unknown indicator); elements override it. Called on every update once the atlas is ready.
   */
  protected viewProblem(): Problem | undefined {
    return undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.problem = this.findProblem();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const key = this.problem?.severity === 'note' ? '' : problemKey(this.problem);
    if (key && key !== this.reportedProblem) this.dispatchEvent(new KeckErrorEvent(this.problem!.message, this.problem!.issues ?? [], this.problem!.code));
    this.reportedProblem = key;
  }

  private findProblem(): Problem | undefined {
    const locale = this.activeLocale;
    if (this.data.status === 'error') {
      const issues = this.data.errorIssues;
      const message = issues.length ? issues.map((issue) => describeIssue(issue, locale)).join('\n') : this.data.errorMessage;
      return { code: 'load-failed', detail: this.data.errorMessage, message, issues };
    }
    if (this.data.status !== 'ready') return undefined;
    return this.shown.attributeProblems()[0] ?? this.viewProblem();
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

  /**
   * The loading message, or the problem in the one form every element uses; `nothing` when the
   * element can show its content. Elements render this instead of their content when it is not `nothing`.
   */
  protected renderStatus(): TemplateResult | typeof nothing {
    const locale = this.activeLocale;
    const problem = this.problem;
    if (problem) return renderProblem(problem, locale, problem.code === 'load-failed' ? () => this.data.retry() : undefined);
    switch (this.data.status) {
      case 'idle':
        return html`<p part="status" class="status">${statusMessage('noSource', locale)}</p>`;
      case 'loading':
        return html`<p part="status" class="status" role="status">${statusMessage('loading', locale)}</p>`;
      default:
        return nothing;
    }
  }
}


const BOOKMARK_MESSAGES = {
  de: { label: 'Gespeicherte Ansicht' },
  en: { label: 'Saved view' },
} as const;
