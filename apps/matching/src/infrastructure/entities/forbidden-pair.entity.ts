import { Entity, PrimaryColumn } from 'typeorm';

/** Pairs a coordinator rejected: never proposed again in the cohort. */
@Entity('forbidden_pairs')
export class ForbiddenPairEntity {
  @PrimaryColumn('uuid') cohortId: string;
  @PrimaryColumn('uuid') menteeId: string;
  @PrimaryColumn('uuid') mentorId: string;
}
