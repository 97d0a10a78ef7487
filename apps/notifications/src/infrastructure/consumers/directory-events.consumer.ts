import { Controller } from '@nestjs/common';
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
import type { Transaction } from '@cmp/kernel';
import { InboxContext, TypeOrmUnitOfWork } from '@cmp/messaging';
import { ContactDirectory } from '../../application/contacts/contact-directory';

/** Who the handlers' writes are recorded as. */
const CONSUMER = 'system:notifications-consumer';

/** Enrolment's directory: contacts, organisations, the outcome-sharing consent and erasure. */
@Controller()
export class DirectoryEventsConsumer {
  constructor(
    private readonly directory: ContactDirectory,
    private readonly unitOfWork: TypeOrmUnitOfWork,
  ) {}

  /**
   * The compacted contacts topic. The consumer wrapper hands a tombstone over with `data: null`;
   * its key is the person id, which the envelope carries as `subject`.
   */
  @EventPattern(ContactPublished.type)
  contact(@Payload() event: CloudEvent<ContactData | null>, @Ctx() context: InboxContext) {
    const contact = event.data;
    if (contact !== null) return this.inInbox(context, (tx) => this.directory.upsert(tx, contact));
    const personId = event.subject;
    if (!personId) throw new Error(`contact tombstone ${event.id} names no person (no subject)`);
    return this.inInbox(context, (tx) => this.directory.erase(tx, personId));
  }

  @EventPattern(OrganisationRegistered.type)
  organisationRegistered(@Payload() event: CloudEvent<OrganisationRegisteredData>, @Ctx() context: InboxContext) {
    return this.inInbox(context, (tx) => this.directory.organisationRegistered(tx, event.data));
  }

  @EventPattern(ConsentChanged.type)
  consentChanged(@Payload() event: CloudEvent<ConsentChangedData>, @Ctx() context: InboxContext) {
    return this.inInbox(context, (tx) => this.directory.consentChanged(tx, event.data));
  }

  @EventPattern(PersonErased.type)
  personErased(@Payload() event: CloudEvent<PersonErasedData>, @Ctx() context: InboxContext) {
    return this.inInbox(context, (tx) => this.directory.erase(tx, event.data.personId));
  }

  /** The handler's writes commit with the inbox row that marks the event applied. */
  private inInbox<T>(context: InboxContext, work: (tx: Transaction) => Promise<T>): Promise<T> {
    return this.unitOfWork.join(context.manager, CONSUMER, work);
  }
}
