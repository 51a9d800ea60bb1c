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

/** Fired when loading or validating fails; `message` is readable, `issues` lists every problem. */
export class KeckErrorEvent extends Event {
  static readonly eventName = 'keck-error';
  constructor(
    readonly message: string,
    readonly issues: ContractIssue[] = [],
  ) {
    super(KeckErrorEvent.eventName, { bubbles: true, composed: true });
  }
  get detail() {
    return { message: this.message, issues: this.issues };
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
