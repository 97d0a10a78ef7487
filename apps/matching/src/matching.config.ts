import { ServiceConfig } from '@cmp/platform';

/** Eligible pairs above which a run is solved off the main thread, so the service keeps answering. */
export const DEFAULT_WORKER_THRESHOLD_PAIRS = 20_000;

/** Matching needs nothing beyond the common service settings (port, database, brokers, logging). */
export class MatchingConfig extends ServiceConfig {}
