import { Injectable } from '@nestjs/common';
import type { Transaction } from '@cmp/kernel';
import { moveMentee } from '../../domain/mentee-lifecycle';
import { MenteeRepository } from './mentee.repository';

/**
 * What other services tell enrolment about a mentee: a confirmed match makes them active, the
 * end of the programme completes them. Runs in the consumer's inbox transaction, so each event
 * changes the mentee exactly once; a mentee who withdrew or was erased meanwhile is left alone.
 */
@Injectable()
export class MenteeProjector {
  constructor(private readonly mentees: MenteeRepository) {}

  async matchConfirmed(tx: Transaction, menteeId: string): Promise<void> {
    await this.move(tx, menteeId, 'placed', 'active', 'mentee.activated');
  }

  async mentorshipCompleted(tx: Transaction, menteeId: string): Promise<void> {
    await this.move(tx, menteeId, 'active', 'completed', 'mentee.completed');
  }

  private async move(tx: Transaction, menteeId: string, from: 'placed' | 'active', to: 'active' | 'completed', action: string): Promise<void> {
    const mentee = await this.mentees.lock(tx, menteeId);
    if (!mentee || mentee.status !== from) return;
    mentee.status = moveMentee(mentee.status, to);
    await this.mentees.save(tx, mentee);
    tx.record(action, 'mentee', menteeId, ['status']);
  }
}
