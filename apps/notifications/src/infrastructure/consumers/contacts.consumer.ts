import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { CloudEvent, ContactData, ContactPublished } from '@cmp/contracts';
import { InboxContext } from '@cmp/messaging';
import { ContactDirectory } from '../../application/contacts/contact-directory';

/**
 * The compacted contacts topic. The consumer wrapper hands a tombstone over with `data: null`;
 * its key is the person id, which the envelope carries as `subject`.
 */
@Controller()
export class ContactsConsumer {
  constructor(private readonly directory: ContactDirectory) {}

  @EventPattern(ContactPublished.type)
  contact(@Payload() event: CloudEvent<ContactData | null>, @Ctx() context: InboxContext) {
    if (event.data !== null) return this.directory.upsert(context.manager, event.data);
    if (!event.subject) throw new Error(`contact tombstone ${event.id} names no person (no subject)`);
    return this.directory.erase(context.manager, event.subject);
  }
}
