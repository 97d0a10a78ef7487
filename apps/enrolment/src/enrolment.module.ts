import { DynamicModule, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { ContactPublished } from '@cmp/contracts';
import { UnitOfWork } from '@cmp/kernel';
import { KafkaSasl, Outbox, ServiceInfrastructureModule, TypeOrmUnitOfWork } from '@cmp/messaging';
import { Clock, CLOCK } from '@cmp/platform';
import { AuditQueries } from './application/audit/audit-queries';
import { AuditRepository } from './application/audit/audit.repository';
import { CohortCommands } from './application/cohorts/cohort-commands';
import { CohortPlaces } from './application/cohorts/cohort-places';
import { CohortQueries } from './application/cohorts/cohort-queries';
import { CohortRepository } from './application/cohorts/cohort.repository';
import { ConsentCommands } from './application/consents/consent-commands';
import { ConsentRepository } from './application/consents/consent.repository';
import { MenteeCommands } from './application/mentees/mentee-commands';
import { MenteeProjector } from './application/mentees/mentee-projector';
import { MenteeQueries } from './application/mentees/mentee-queries';
import { MenteeWithdrawal } from './application/mentees/mentee-withdrawal';
import { MenteeRepository } from './application/mentees/mentee.repository';
import { MentorCommands } from './application/mentors/mentor-commands';
import { MentorQueries } from './application/mentors/mentor-queries';
import { MentorRepository } from './application/mentors/mentor.repository';
import { OrganisationCommands } from './application/organisations/organisation-commands';
import { OrganisationQueries } from './application/organisations/organisation-queries';
import { OrganisationRepository } from './application/organisations/organisation.repository';
import { PersonCommands } from './application/people/person-commands';
import { PersonQueries } from './application/people/person-queries';
import { StoredPersonalDataRepository } from './application/people/stored-personal-data.repository';
import { PlacementRepository } from './application/placements/placement.repository';
import { ReferralCommands } from './application/referrals/referral-commands';
import { ReferralRepository } from './application/referrals/referral.repository';
import { CohortsController } from './http/cohorts.controller';
import { IdempotencyInterceptor } from './http/idempotency.interceptor';
import { MenteesController } from './http/mentees.controller';
import { MentorsController } from './http/mentors.controller';
import { OrganisationsController } from './http/organisations.controller';
import { PeopleController } from './http/people.controller';
import { MentorshipEventsConsumer } from './infrastructure/consumers/mentorship-events.consumer';
import { ENROLMENT_ENTITIES } from './infrastructure/entities';
import { IdempotencyStore } from './infrastructure/idempotency/idempotency-store';
import { CreateEnrolmentTables1764160000000 } from './infrastructure/migrations/1764160000000-create-enrolment-tables';
import { TypeOrmAuditRepository } from './infrastructure/repositories/typeorm-audit.repository';
import { TypeOrmCohortRepository } from './infrastructure/repositories/typeorm-cohort.repository';
import { TypeOrmConsentRepository } from './infrastructure/repositories/typeorm-consent.repository';
import { TypeOrmMenteeRepository } from './infrastructure/repositories/typeorm-mentee.repository';
import { TypeOrmMentorRepository } from './infrastructure/repositories/typeorm-mentor.repository';
import { TypeOrmOrganisationRepository } from './infrastructure/repositories/typeorm-organisation.repository';
import { TypeOrmPlacementRepository } from './infrastructure/repositories/typeorm-placement.repository';
import { TypeOrmReferralRepository } from './infrastructure/repositories/typeorm-referral.repository';
import { TypeOrmStoredPersonalDataRepository } from './infrastructure/repositories/typeorm-stored-personal-data.repository';
import { ENROLMENT_UNIT_OF_WORK_SETTINGS } from './infrastructure/unit-of-work/enrolment-unit-of-work.settings';

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
        IdempotencyStore,
        {
          provide: TypeOrmUnitOfWork,
          inject: [DataSource, Outbox, CLOCK],
          useFactory: (dataSource: DataSource, outbox: Outbox, clock: Clock) => new TypeOrmUnitOfWork(dataSource, outbox, clock, ENROLMENT_UNIT_OF_WORK_SETTINGS),
        },
        { provide: UnitOfWork, useExisting: TypeOrmUnitOfWork },
        { provide: AuditRepository, useClass: TypeOrmAuditRepository },
        { provide: CohortRepository, useClass: TypeOrmCohortRepository },
        { provide: ConsentRepository, useClass: TypeOrmConsentRepository },
        { provide: MenteeRepository, useClass: TypeOrmMenteeRepository },
        { provide: MentorRepository, useClass: TypeOrmMentorRepository },
        { provide: OrganisationRepository, useClass: TypeOrmOrganisationRepository },
        { provide: PlacementRepository, useClass: TypeOrmPlacementRepository },
        { provide: ReferralRepository, useClass: TypeOrmReferralRepository },
        { provide: StoredPersonalDataRepository, useClass: TypeOrmStoredPersonalDataRepository },
        CohortPlaces,
        MenteeWithdrawal,
        AuditQueries,
        CohortCommands,
        CohortQueries,
        ConsentCommands,
        MenteeCommands,
        MenteeProjector,
        MenteeQueries,
        MentorCommands,
        MentorQueries,
        OrganisationCommands,
        OrganisationQueries,
        PersonCommands,
        PersonQueries,
        ReferralCommands,
      ],
    };
  }
}
