import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { moveMentee } from '../../domain/mentee-lifecycle';
import { MenteeEntity, AuditEntryEntity } from '../../infrastructure/entities';

/**
 * What other services tell enrolment about a mentee: a confirmed match makes them active, the
 * end of the programme completes them. Runs in the consumer's inbox transaction, so each event
 * changes the mentee exactly once; a mentee who withdrew or was erased meanwhile is left alone.
 */
@Injectable()
export class MentorshipProgressHandler {
  async matchConfirmed(manager: EntityManager, menteeId: string, at: Date): Promise<void> {
    await this.move(manager, menteeId, 'placed', 'active', 'mentee.activated', at);
  }

  async mentorshipCompleted(manager: EntityManager, menteeId: string, at: Date): Promise<void> {
    await this.move(manager, menteeId, 'active', 'completed', 'mentee.completed', at);
  }

  private async move(manager: EntityManager, menteeId: string, from: 'placed' | 'active', to: 'active' | 'completed', action: string, at: Date) {
    const mentee = await manager.findOne(MenteeEntity, { where: { id: menteeId }, lock: { mode: 'pessimistic_write' } });
    if (!mentee || mentee.status !== from) return;
    mentee.status = moveMentee(mentee.status, to);
    await manager.save(mentee);
    await manager.insert(AuditEntryEntity, { at, actor: 'system:event', action, entityType: 'mentee', entityId: menteeId, fields: ['status'] });
  }
}
