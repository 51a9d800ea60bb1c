import type { ContractIssue } from '../contract/issues.js';

/** Fired when an element's atlas has loaded and validated. */
export class KeckLoadEvent extends Event {
  static readonly eventName = 'keck-load';
  constructor(
    /** Id of the loaded atlas. */
    readonly atlasId: string,
    /** Absolute URL of the manifest. */
    readonly src: string,
  ) {
    super(KeckLoadEvent.eventName, { bubbles: true, composed: true });
  }
  get detail() {
    return { atlasId: this.atlasId, src: this.src };
  }
}

/**
 * Fired once for each new problem that keeps an element from showing its content (loading or
 * validating failed, an attribute names something the atlas lacks); not again while the same
 * problem stays, and again after it was fixed and comes back.
 */
export class KeckErrorEvent extends Event {
  static readonly eventName = 'keck-error';
  constructor(
    /** The readable message, in the element's language. */
    readonly message: string,
    /** Each place in a file that is wrong (file, path, expected, found). */
    readonly issues: ContractIssue[] = [],
    /** The kind of problem (`load-failed`, `unknown-indicator`, `unknown-level` …). */
    readonly code = 'load-failed',
  ) {
    super(KeckErrorEvent.eventName, { bubbles: true, composed: true });
  }
  get detail() {
    return { message: this.message, issues: this.issues, code: this.code };
  }
}

/** Fired when the user selects an area (click, Enter on a focused area or row). */
export class KeckAreaSelectEvent extends Event {
  static readonly eventName = 'keck-area-select';
  constructor(
    readonly level: string,
    /** The area key, or null when the selection was cleared. */
    readonly key: string | null,
  ) {
    super(KeckAreaSelectEvent.eventName, { bubbles: true, composed: true });
  }
  get detail() {
    return { level: this.level, key: this.key };
  }
}

declare global {
  interface HTMLElementEventMap {
    'keck-load': KeckLoadEvent;
    'keck-error': KeckErrorEvent;
    'keck-area-select': KeckAreaSelectEvent;
  }
}
