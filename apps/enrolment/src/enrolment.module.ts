import { DynamicModule, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { ContactPublished } from '@cmp/contracts';
import { KafkaSasl, ServiceInfrastructureModule } from '@cmp/messaging';
import { ApplyAsMenteeHandler } from './application/apply-as-mentee/apply-as-mentee.handler';
import { Clock } from '@cmp/platform';
import { CohortCommands } from './application/cohorts/cohort-commands';
import { ConsentCommands } from './application/consents/consent-commands';
import { EnrolmentUnitOfWork } from './application/enrolment-unit-of-work';
import { MentorCommands } from './application/mentors/mentor-commands';
import { MentorshipProgressHandler } from './application/mentorship-progress/mentorship-progress.handler';
import { OrganisationCommands } from './application/organisations/organisation-commands';
import { PersonalDataHandler } from './application/personal-data/personal-data.handler';
import { EnrolmentQueries } from './application/queries/enrolment-queries';
import { ReferralCommands } from './application/referrals/referral-commands';
import { ReviewApplicationHandler } from './application/review-application/review-application.handler';
import { WithdrawMenteeHandler } from './application/withdraw-mentee/withdraw-mentee.handler';
import { CohortsController } from './http/cohorts.controller';
import { IdempotencyInterceptor } from './http/idempotency.interceptor';
import { MenteesController } from './http/mentees.controller';
import { MentorsController } from './http/mentors.controller';
import { OrganisationsController } from './http/organisations.controller';
import { PeopleController } from './http/people.controller';
import { MentorshipEventsConsumer } from './infrastructure/consumers/mentorship-events.consumer';
import { ENROLMENT_ENTITIES } from './infrastructure/entities';
import { CreateEnrolmentTables1764160000000 } from './infrastructure/migrations/1764160000000-create-enrolment-tables';

export const ENROLMENT_SERVICE = 'enrolment';

export interface EnrolmentModuleSettings {
  readonly databaseUrl: string;
  readonly brokers: readonly string[];
  /** The service's own Kafka principal. */
  readonly sasl?: KafkaSasl;
  /** Defaults to the service name; tests use a scratch schema. */
  readonly schema?: string;
  readonly clock?: Clock;
}

@Module({})
export class EnrolmentModule {
  static forRoot(settings: EnrolmentModuleSettings): DynamicModule {
    const schema = settings.schema ?? ENROLMENT_SERVICE;
    return {
      module: EnrolmentModule,
      imports: [
        ServiceInfrastructureModule.forService({
          service: ENROLMENT_SERVICE,
          schema,
          databaseUrl: settings.databaseUrl,
          brokers: settings.brokers,
          sasl: settings.sasl,
          entities: ENROLMENT_ENTITIES,
          migrations: [CreateEnrolmentTables1764160000000],
          clock: settings.clock,
          extraTopics: [ContactPublished.topic],
        }),
      ],
      controllers: [OrganisationsController, CohortsController, MenteesController, MentorsController, PeopleController, MentorshipEventsConsumer],
      providers: [
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
        EnrolmentUnitOfWork,
        EnrolmentQueries,
        OrganisationCommands,
        CohortCommands,
        ReferralCommands,
        ApplyAsMenteeHandler,
        ReviewApplicationHandler,
        WithdrawMenteeHandler,
        MentorshipProgressHandler,
        MentorCommands,
        ConsentCommands,
        PersonalDataHandler,
      ],
    };
  }
}
