export interface FeedEntry {
  /** Stable across changes: `<sessionId>@cmp`, as the contract's SEQUENCE comment promises. */
  readonly uid: string;
  readonly sequence: number;
  readonly startsAt: Date;
  readonly endsAt: Date;
  readonly summary: string;
  readonly description?: string;
  readonly location?: string;
  readonly url?: string;
  readonly cancelled: boolean;
  /** Last change of the entry: DTSTAMP and LAST-MODIFIED, so an unchanged feed renders identically. */
  readonly changedAt: Date;
}

/** Writes a person's sessions as a calendar that calendar apps subscribe to. */
export abstract class FeedRenderer {
  abstract render(name: string, entries: readonly FeedEntry[]): string;
}
