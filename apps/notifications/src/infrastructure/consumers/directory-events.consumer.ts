import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  CloudEvent,
  ConsentChanged,
  ConsentChangedData,
  ContactData,
  ContactPublished,
  OrganisationRegistered,
  OrganisationRegisteredData,
  PersonErased,
  PersonErasedData,
} from '@cmp/contracts';
import { InboxContext } from '@cmp/messaging';
import { Clock, CLOCK } from '@cmp/platform';
import { ContactDirectory } from '../../application/contacts/contact-directory';
import { InboxTransaction } from './inbox-transaction';

/** Who the handlers' writes are recorded as. */
const CONSUMER = 'system:notifications-consumer';

/** Enrolment's directory: contacts, organisations, the outcome-sharing consent and erasure. */
@Controller()
export class DirectoryEventsConsumer {
  constructor(
    private readonly directory: ContactDirectory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * The compacted contacts topic. The consumer wrapper hands a tombstone over with `data: null`;
   * its key is the person id, which the envelope carries as `subject`.
   */
  @EventPattern(ContactPublished.type)
  contact(@Payload() event: CloudEvent<ContactData | null>, @Ctx() context: InboxContext) {
    if (event.data !== null) return this.directory.upsert(this.transaction(context), event.data);
    if (!event.subject) throw new Error(`contact tombstone ${event.id} names no person (no subject)`);
    return this.directory.erase(this.transaction(context), event.subject);
  }

  @EventPattern(OrganisationRegistered.type)
  organisationRegistered(@Payload() event: CloudEvent<OrganisationRegisteredData>, @Ctx() context: InboxContext) {
    return this.directory.organisationRegistered(this.transaction(context), event.data);
  }

  @EventPattern(ConsentChanged.type)
  consentChanged(@Payload() event: CloudEvent<ConsentChangedData>, @Ctx() context: InboxContext) {
    return this.directory.consentChanged(this.transaction(context), event.data);
  }

  @EventPattern(PersonErased.type)
  personErased(@Payload() event: CloudEvent<PersonErasedData>, @Ctx() context: InboxContext) {
    return this.directory.erase(this.transaction(context), event.data.personId);
  }

  private transaction(context: InboxContext): InboxTransaction {
    return new InboxTransaction(context.manager, this.clock(), CONSUMER);
  }
}
