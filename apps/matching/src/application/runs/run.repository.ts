import type { ReadTransaction, Transaction } from '@cmp/kernel';
import type { ScoringWeights } from '../../domain/scoring';

export type RunStatus = 'running' | 'completed' | 'failed';

/** A mentee left without a mentor, with how many mentors each hard constraint ruled out. */
export interface UnmatchedMentee {
  readonly menteeId: string;
  readonly reasons: Record<string, number>;
}

export interface Run {
  readonly id: string;
  readonly cohortId: string;
  readonly status: RunStatus;
  readonly fairness: boolean;
  /** 0–100. */
  readonly progress: number;
  readonly weights: ScoringWeights;
  readonly totalScore: number | null;
  readonly unmatched: UnmatchedMentee[] | null;
  readonly error: string | null;
  readonly requestedBy: string;
  readonly startedAt: Date;
  readonly finishedAt: Date | null;
}

export abstract class RunRepository {
  abstract find(tx: ReadTransaction, runId: string): Promise<Run | null>;
  abstract isRunning(tx: ReadTransaction, cohortId: string): Promise<boolean>;
  abstract insert(tx: Transaction, run: Run): Promise<void>;
  abstract setProgress(tx: Transaction, runId: string, progress: number): Promise<void>;
  abstract complete(tx: Transaction, runId: string, result: { readonly totalScore: number; readonly unmatched: UnmatchedMentee[]; readonly finishedAt: Date }): Promise<void>;
  abstract fail(tx: Transaction, runId: string, error: string, finishedAt: Date): Promise<void>;
}
