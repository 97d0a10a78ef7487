import { Injectable } from '@nestjs/common';
import type { ReadTransaction, Transaction } from '@cmp/kernel';
import { entityManagerOf } from '@cmp/messaging';
import { Plan, PlanRepository } from '../../application/plans/plan.repository';
import { PlanEntity } from '../entities/plan.entity';

const planOf = (entity: PlanEntity | null): Plan | null => (entity ? { ...entity } : null);

@Injectable()
export class TypeOrmPlanRepository extends PlanRepository {
  async ofMatch(tx: ReadTransaction, matchId: string): Promise<Plan | null> {
    return planOf(await entityManagerOf(tx).findOneBy(PlanEntity, { matchId }));
  }

  async lockOfMatch(tx: Transaction, matchId: string): Promise<Plan | null> {
    return planOf(await entityManagerOf(tx).findOne(PlanEntity, { where: { matchId }, lock: { mode: 'pessimistic_write' } }));
  }

  async byId(tx: ReadTransaction, planId: string): Promise<Plan | null> {
    return planOf(await entityManagerOf(tx).findOneBy(PlanEntity, { id: planId }));
  }

  async lock(tx: Transaction, planId: string): Promise<Plan | null> {
    return planOf(await entityManagerOf(tx).findOne(PlanEntity, { where: { id: planId }, lock: { mode: 'pessimistic_write' } }));
  }

  async anyOfPerson(tx: ReadTransaction, personId: string): Promise<Plan | null> {
    return planOf(await entityManagerOf(tx).findOne(PlanEntity, { where: [{ menteeId: personId }, { mentorId: personId }] }));
  }

  async lockActiveOfPerson(tx: Transaction, personId: string, role: 'mentee' | 'mentor'): Promise<Plan[]> {
    const plans = await entityManagerOf(tx).find(PlanEntity, {
      where: role === 'mentee' ? { menteeId: personId, status: 'active' } : { mentorId: personId, status: 'active' },
      lock: { mode: 'pessimistic_write' },
    });
    return plans.map((plan) => ({ ...plan }));
  }

  async lockActiveAnchoredOnConfirmation(tx: Transaction, cohortId: string): Promise<Plan[]> {
    const plans = await entityManagerOf(tx).find(PlanEntity, {
      where: { cohortId, anchoredOn: 'confirmation', status: 'active' },
      lock: { mode: 'pessimistic_write' },
    });
    return plans.map((plan) => ({ ...plan }));
  }

  async inCohort(tx: ReadTransaction, cohortId: string): Promise<Plan[]> {
    const plans = await entityManagerOf(tx).find(PlanEntity, { where: { cohortId }, order: { createdAt: 'ASC' } });
    return plans.map((plan) => ({ ...plan }));
  }

  async add(tx: Transaction, plan: Plan): Promise<void> {
    await entityManagerOf(tx).insert(PlanEntity, rowOf(plan));
  }

  async update(tx: Transaction, plan: Plan): Promise<void> {
    const { id, ...fields } = rowOf(plan);
    await entityManagerOf(tx).update(PlanEntity, { id }, fields);
  }
}

function rowOf(plan: Plan): PlanEntity {
  return { ...plan, plannedSessions: [...plan.plannedSessions] };
}
