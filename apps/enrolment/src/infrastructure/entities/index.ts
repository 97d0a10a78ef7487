import { AuditEntryEntity } from './audit-entry.entity';
import { CohortEntity } from './cohort.entity';
import { ConsentEntity } from './consent.entity';
import { IdempotencyRecordEntity } from './idempotency-record.entity';
import { MenteeEntity } from './mentee.entity';
import { MentorEntity } from './mentor.entity';
import { OrganisationEntity } from './organisation.entity';
import { PlacementQuotaEntity } from './placement-quota.entity';
import { ReferralEntity } from './referral.entity';

export const ENROLMENT_ENTITIES = [
  AuditEntryEntity,
  CohortEntity,
  ConsentEntity,
  IdempotencyRecordEntity,
  MenteeEntity,
  MentorEntity,
  OrganisationEntity,
  PlacementQuotaEntity,
  ReferralEntity,
];

export {
  AuditEntryEntity,
  CohortEntity,
  ConsentEntity,
  IdempotencyRecordEntity,
  MenteeEntity,
  MentorEntity,
  OrganisationEntity,
  PlacementQuotaEntity,
  ReferralEntity,
};
