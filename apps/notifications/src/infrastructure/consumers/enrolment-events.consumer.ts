import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  CloudEvent,
  ConsentChanged,
  ConsentChangedData,
  MenteeAccepted,
  MenteeApplied,
  MenteePlaced,
  MenteeRejected,
  MenteeWaitlisted,
  MenteeWithdrew,
  MentorRegistered,
  OrganisationRegistered,
  OrganisationRegisteredData,
  PersonErased,
  PersonErasedData,
} from '@cmp/contracts';
import { InboxContext } from '@cmp/messaging';
import { ContactDirectory } from '../../application/contacts/contact-directory';
import { EventIntake } from '../../application/event-intake';

/** Thin: validated enrolment events go to the intake, consent and erasure to the directory. */
@Controller()
export class EnrolmentEventsConsumer {
  constructor(
    private readonly intake: EventIntake,
    private readonly directory: ContactDirectory,
  ) {}

  @EventPattern(MenteeApplied.type)
  menteeApplied(@Payload() event: CloudEvent<object>, @Ctx() context: InboxContext) {
    return this.intake.accept(context.manager, event);
  }

  @EventPattern(MenteeAccepted.type)
  menteeAccepted(@Payload() event: CloudEvent<object>, @Ctx() context: InboxContext) {
    return this.intake.accept(context.manager, event);
  }

  @EventPattern(MenteeWaitlisted.type)
  menteeWaitlisted(@Payload() event: CloudEvent<object>, @Ctx() context: InboxContext) {
    return this.intake.accept(context.manager, event);
  }

  @EventPattern(MenteeRejected.type)
  menteeRejected(@Payload() event: CloudEvent<object>, @Ctx() context: InboxContext) {
    return this.intake.accept(context.manager, event);
  }

  @EventPattern(MenteePlaced.type)
  menteePlaced(@Payload() event: CloudEvent<object>, @Ctx() context: InboxContext) {
    return this.intake.accept(context.manager, event);
  }

  @EventPattern(MenteeWithdrew.type)
  menteeWithdrew(@Payload() event: CloudEvent<object>, @Ctx() context: InboxContext) {
    return this.intake.accept(context.manager, event);
  }

  @EventPattern(MentorRegistered.type)
  mentorRegistered(@Payload() event: CloudEvent<object>, @Ctx() context: InboxContext) {
    return this.intake.accept(context.manager, event);
  }

  @EventPattern(OrganisationRegistered.type)
  organisationRegistered(@Payload() event: CloudEvent<OrganisationRegisteredData>, @Ctx() context: InboxContext) {
    return this.directory.organisationRegistered(context.manager, event.data);
  }

  @EventPattern(ConsentChanged.type)
  consentChanged(@Payload() event: CloudEvent<ConsentChangedData>, @Ctx() context: InboxContext) {
    return this.directory.consentChanged(context.manager, event.data);
  }

  @EventPattern(PersonErased.type)
  personErased(@Payload() event: CloudEvent<PersonErasedData>, @Ctx() context: InboxContext) {
    return this.directory.erase(context.manager, event.data.personId);
  }
}
