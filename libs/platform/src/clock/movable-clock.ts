import { readFileSync } from 'node:fs';
import type { Clock } from './clock';

/** How long a read offset is trusted, so a busy service does not read the file on every call. */
const OFFSET_CACHE_MS = 100;

/**
 * A clock that runs `offsetMs` ahead of the system clock, the offset read from a JSON file
 * (`{"offsetMs": 86400000}`) that a test moves. Every service process of a test stack points at
 * the same file, so one write moves the whole system's time at once. A missing file means no
 * offset. Only ever built for test and development runs: the configuration refuses the file in
 * production (see `ServiceConfig.CMP_TEST_CLOCK_FILE`).
 */
export function movableClock(offsetFile: string, now: () => number = Date.now): Clock {
  let offsetMs = 0;
  let readAt = Number.NEGATIVE_INFINITY;
  return () => {
    const current = now();
    if (current - readAt >= OFFSET_CACHE_MS) {
      offsetMs = readOffset(offsetFile);
      readAt = current;
    }
    return new Date(current + offsetMs);
  };
}

function readOffset(offsetFile: string): number {
  let text: string;
  try {
    text = readFileSync(offsetFile, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
  const parsed: unknown = JSON.parse(text);
  const offsetMs = (parsed as { offsetMs?: unknown } | null)?.offsetMs;
  if (typeof offsetMs !== 'number' || !Number.isFinite(offsetMs)) {
    throw new Error(`${offsetFile} must hold {"offsetMs": <finite number>}`);
  }
  return offsetMs;
}
