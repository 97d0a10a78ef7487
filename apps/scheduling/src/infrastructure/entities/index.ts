import { CohortEntity } from './cohort.entity';
import { FeedTokenEntity } from './feed-token.entity';
import { PersonAvailabilityEntity } from './person-availability.entity';
import { PlanEntity } from './plan.entity';
import { SessionHistoryEntity } from './session-history.entity';
import { SessionEntity } from './session.entity';
import { TimerEntity } from './timer.entity';

export const SCHEDULING_ENTITIES = [CohortEntity, FeedTokenEntity, PersonAvailabilityEntity, PlanEntity, SessionEntity, SessionHistoryEntity, TimerEntity];

export { CohortEntity, FeedTokenEntity, PersonAvailabilityEntity, PlanEntity, SessionEntity, SessionHistoryEntity, TimerEntity };
