import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ContractError, type ContractIssue } from '../contract/issues.js';
import type { Atlas } from '../data/atlas.js';
import { AtlasStore } from '../data/store.js';
import { KeckLoadEvent } from './events.js';
import { loadSettings, type LoadSettingsSource } from './load-settings.js';

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

/**
 * Loads the atlas named by the host's `src` through the shared store and tracks the
 * state every element renders: idle, loading, ready (with `atlas`) or error (with a message).
 * Fires `keck-load` on the host; the element turns an error into its problem (and `keck-error`).
 */
export class AtlasController implements ReactiveController {
  status: LoadStatus = 'idle';
  atlas?: Atlas;
  store?: AtlasStore;
  errorMessage = '';
  errorIssues: ContractIssue[] = [];
  private loadedSrc?: string;
  private abort?: AbortController;
  private settledLoad: Promise<void> = Promise.resolve();

  constructor(private readonly host: ReactiveControllerHost & LoadSettingsSource & { src?: string; whenRendered(): Promise<void> }) {
    host.addController(this);
  }

  hostConnected(): void {
    this.loadedSrc = undefined;
  }

  hostUpdate(): void {
    if (this.host.src !== this.loadedSrc) this.load(this.host.src);
  }

  hostDisconnected(): void {
    this.abort?.abort();
    this.abort = undefined;
    if (this.status === 'loading') this.status = 'idle';
  }

  /** Fails the host with a readable message: the atlas, a file it names, or drawing it could not be used. A new `src` retries. */
  fail(message: string, issues: ContractIssue[] = []): void {
    this.status = 'error';
    this.errorMessage = message;
    this.errorIssues = issues;
    this.host.requestUpdate();
  }

  /** Resolves when the current load has ended, loaded or failed. */
  whenSettled(): Promise<void> {
    return this.settledLoad;
  }

  /** Loads the atlas again (the retry button after a failed load; the store keeps no failed load). */
  retry(): void {
    this.load(this.host.src);
    this.host.requestUpdate();
  }

  private isCurrent(abort: AbortController, atlas: Atlas): boolean {
    return !abort.signal.aborted && this.atlas === atlas && this.status === 'ready';
  }

  private load(src: string | undefined): void {
    this.abort?.abort();
    this.loadedSrc = src;
    this.atlas = undefined;
    this.errorMessage = '';
    this.errorIssues = [];
    if (!src) {
      this.status = 'idle';
      return;
    }
    this.status = 'loading';
    const abort = (this.abort = new AbortController());
    this.store = AtlasStore.for(src, loadSettings(this.host));
    const loading = this.store.load(abort.signal);
    this.settledLoad = loading.then(
      () => undefined,
      () => undefined,
    );
    loading.then(
      (atlas) => {
        if (abort.signal.aborted) return;
        this.atlas = atlas;
        this.status = 'ready';
        this.host.requestUpdate();
        // keck-load only once the element shows it, and never after (or instead of) keck-error.
        this.host.whenRendered().then(
          () => this.isCurrent(abort, atlas) && this.host.dispatchEvent(new KeckLoadEvent(atlas.id, atlas.url)),
          (error: unknown) => this.isCurrent(abort, atlas) && this.fail(error instanceof Error ? error.message : String(error)),
        );
      },
      (error: unknown) => {
        if (abort.signal.aborted) return;
        const issues = error instanceof ContractError ? error.issues : [];
        this.fail(error instanceof Error ? error.message : String(error), issues);
      },
    );
  }
}
