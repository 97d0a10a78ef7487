import { Injectable } from '@nestjs/common';
import type { ReadTransaction, Transaction } from '@cmp/kernel';
import { entityManagerOf } from '@cmp/messaging';
import { Run, RunRepository, UnmatchedMentee } from '../../application/runs/run.repository';
import { RunEntity } from '../entities/run.entity';

@Injectable()
export class TypeOrmRunRepository extends RunRepository {
  find(tx: ReadTransaction, runId: string): Promise<Run | null> {
    return entityManagerOf(tx).findOneBy(RunEntity, { id: runId });
  }

  isRunning(tx: ReadTransaction, cohortId: string): Promise<boolean> {
    return entityManagerOf(tx).existsBy(RunEntity, { cohortId, status: 'running' });
  }

  async insert(tx: Transaction, run: Run): Promise<void> {
    await entityManagerOf(tx).insert(RunEntity, { ...run, unmatched: run.unmatched === null ? null : [...run.unmatched] });
  }

  async setProgress(tx: Transaction, runId: string, progress: number): Promise<void> {
    await entityManagerOf(tx).update(RunEntity, runId, { progress });
  }

  async complete(tx: Transaction, runId: string, result: { readonly totalScore: number; readonly unmatched: UnmatchedMentee[]; readonly finishedAt: Date }): Promise<void> {
    await entityManagerOf(tx).update(RunEntity, runId, { status: 'completed', progress: 100, totalScore: result.totalScore, unmatched: result.unmatched, finishedAt: result.finishedAt });
  }

  async fail(tx: Transaction, runId: string, error: string, finishedAt: Date): Promise<void> {
    await entityManagerOf(tx).update(RunEntity, runId, { status: 'failed', error, finishedAt });
  }
}
