import type { Page } from '../application/page';

export interface PageResponse<T> {
  readonly items: T[];
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
}

export function pageResponse<T, R>(page: Page<T>, map: (item: T) => R): PageResponse<R> {
  return { items: page.items.map(map), total: page.total, limit: page.limit, offset: page.offset };
}

/** Instants travel as ISO 8601 strings; `null` stays `null`. */
export function isoOrNull(instant: Date | null): string | null {
  return instant === null ? null : instant.toISOString();
}
