import { Injectable } from '@nestjs/common';
import type { ReadTransaction, Transaction } from '@cmp/kernel';
import { entityManagerOf } from '@cmp/messaging';
import { PlacementQuota, PlacementRepository } from '../../application/placements/placement.repository';
import { PlacementQuotaEntity } from '../entities';

@Injectable()
export class TypeOrmPlacementRepository extends PlacementRepository {
  lock(tx: Transaction, organisationId: string, cohortId: string): Promise<PlacementQuota | null> {
    return entityManagerOf(tx).findOne(PlacementQuotaEntity, { where: { organisationId, cohortId }, lock: { mode: 'pessimistic_write' } });
  }

  async saveUsed(tx: Transaction, quota: PlacementQuota): Promise<void> {
    await entityManagerOf(tx).update(PlacementQuotaEntity, { organisationId: quota.organisationId, cohortId: quota.cohortId }, { used: quota.used });
  }

  async reservedInCohort(tx: ReadTransaction, cohortId: string): Promise<number> {
    const [{ reserved }] = await entityManagerOf(tx).query(`SELECT coalesce(sum(reserved), 0)::int AS reserved FROM placement_quotas WHERE cohort_id = $1`, [cohortId]);
    return reserved;
  }

  async reserve(tx: Transaction, organisationId: string, cohortId: string, count: number): Promise<PlacementQuota> {
    const manager = entityManagerOf(tx);
    await manager.query(
      `INSERT INTO placement_quotas (organisation_id, cohort_id, reserved, used) VALUES ($1, $2, $3, 0)
       ON CONFLICT (organisation_id, cohort_id) DO UPDATE SET reserved = placement_quotas.reserved + EXCLUDED.reserved`,
      [organisationId, cohortId, count],
    );
    return manager.findOneByOrFail(PlacementQuotaEntity, { organisationId, cohortId });
  }

  ofOrganisation(tx: ReadTransaction, organisationId: string): Promise<PlacementQuota[]> {
    return entityManagerOf(tx).find(PlacementQuotaEntity, { where: { organisationId }, order: { cohortId: 'ASC' } });
  }
}
