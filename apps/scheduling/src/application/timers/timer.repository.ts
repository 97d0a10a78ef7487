import type { Transaction } from '@cmp/kernel';

export type TimerKind = 'session-reminder' | 'stall-check' | 'programme-end' | 'follow-up';

export interface TimerRequest {
  readonly kind: TimerKind;
  /** Scheduling the same key twice (a redelivered event) is a no-op. */
  readonly dedupeKey: string;
  readonly planId: string;
  readonly sessionId?: string;
  readonly dueAt: Date;
  readonly payload?: Record<string, unknown>;
}

/** A timer whose time has come, as its handler sees it. */
export interface DueTimer {
  readonly id: string;
  readonly kind: TimerKind;
  readonly planId: string;
  readonly sessionId: string | null;
  readonly payload: Record<string, unknown>;
}

/** Durable timers, written in the transaction of the change that needs them. */
export abstract class TimerRepository {
  abstract schedule(tx: Transaction, ...timers: TimerRequest[]): Promise<void>;
  abstract cancelForSession(tx: Transaction, sessionId: string): Promise<void>;
  /** Every pending timer of the plan, or only those of the given kinds. */
  abstract cancelForPlan(tx: Transaction, planId: string, kinds?: readonly TimerKind[]): Promise<void>;
}
