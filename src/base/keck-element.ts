import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { Locale } from '../contract/types.js';
import { AtlasController } from './atlas-controller.js';
import { AtlasGroup, GroupChangeEvent, type GroupView } from './group.js';
import { resolveLocale } from './locale.js';
import { statusMessage } from './status-messages.js';
import { baseStyles } from './styles.js';

/**
 * The base of every keck-atlas element: the shared attributes, loading through the
 * shared store, the loading and error states, locale and group linking.
 *
 * @csspart status - The loading or error message.
 */
export abstract class KeckElement extends LitElement {
  static override styles = [baseStyles];

  /** URL of the atlas manifest (the contract's JSON). */
  @property({ reflect: true }) src?: string;

  /** Spatial level id (default: the atlas's default level). */
  @property({ reflect: true }) level?: string;

  /** Year (default: the atlas's default year, else the latest year). */
  @property({ type: Number, reflect: true }) year?: number;

  /** `de` (default) or `en`; when absent, the host page's `lang`. */
  @property({ reflect: true }) locale?: Locale;

  /** Elements with the same group share the selected areas, the indicator and the year. */
  @property({ reflect: true }) group?: string;

  /** Id of a saved view (bookmark) of the atlas to open. */
  @property({ reflect: true }) bookmark?: string;

  protected readonly data = new AtlasController(this);
  private joinedGroup?: AtlasGroup;

  /** The locale in effect. */
  get activeLocale(): Locale {
    return resolveLocale(this, this.locale);
  }

  /** The level in effect: attribute, bookmark, then the atlas default. */
  get activeLevel(): string | undefined {
    return this.level ?? this.activeBookmark?.level ?? this.data.atlas?.manifest.defaults.level;
  }

  /** The year in effect: attribute, bookmark, atlas default, else the latest year with data. */
  get activeYear(): number | undefined {
    const atlas = this.data.atlas;
    const level = this.activeLevel;
    if (this.year !== undefined) return this.year;
    if (this.activeBookmark?.year !== undefined) return this.activeBookmark.year;
    if (atlas?.manifest.defaults.year !== undefined) return atlas.manifest.defaults.year;
    return atlas && level ? atlas.years(level).at(-1) : undefined;
  }

  /** The bookmark named by the `bookmark` attribute, once the atlas is loaded. */
  get activeBookmark() {
    return this.bookmark ? this.data.atlas?.bookmark(this.bookmark) : undefined;
  }

  /** The shared view of this element's group (an empty selection without a group). */
  get groupView(): GroupView {
    return this.joinedGroup?.view ?? { areas: [] };
  }

  /** Publishes a change to the element's group, if it has one. */
  protected updateGroup(change: Partial<GroupView>): void {
    this.joinedGroup?.update(change, this);
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
    if (changed.has('group') && this.isConnected) this.joinGroup();
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
    if (next === this.joinedGroup) return;
    this.leaveGroup();
    this.joinedGroup = next;
    next?.addEventListener('change', this.onGroupChange);
  }

  private leaveGroup(): void {
    this.joinedGroup?.removeEventListener('change', this.onGroupChange);
    this.joinedGroup = undefined;
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
