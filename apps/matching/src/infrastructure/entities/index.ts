import { CohortEntity } from './cohort.entity';
import { ForbiddenPairEntity } from './forbidden-pair.entity';
import { MatchEntity } from './match.entity';
import { MenteeEntity } from './mentee.entity';
import { MentorEntity } from './mentor.entity';
import { RunEntity } from './run.entity';

export const MATCHING_ENTITIES = [CohortEntity, MenteeEntity, MentorEntity, RunEntity, MatchEntity, ForbiddenPairEntity];
