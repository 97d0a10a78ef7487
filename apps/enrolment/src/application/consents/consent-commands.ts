import { Injectable } from '@nestjs/common';
import { ConsentChanged, ConsentPurpose } from '@cmp/contracts';
import { InvalidRequestError, NotFoundError } from '../../domain/enrolment-error';
import { ConsentEntity, MenteeEntity, MentorEntity } from '../../infrastructure/entities';
import { Actor, EnrolmentUnitOfWork } from '../enrolment-unit-of-work';

export interface ChangeConsentCommand {
  readonly personId: string;
  readonly purpose: ConsentPurpose;
  readonly granted: boolean;
  readonly noticeVersion: string;
}

/**
 * Grants or withdraws consent for one purpose. Withdrawing an optional purpose takes effect at
 * once through the event; programme participation can only end by withdrawing from the programme.
 */
@Injectable()
export class ConsentCommands {
  constructor(private readonly unitOfWork: EnrolmentUnitOfWork) {}

  change(actor: Actor, command: ChangeConsentCommand): Promise<ConsentEntity> {
    return this.unitOfWork.run(actor, async (tx) => {
      const known =
        (await tx.manager.existsBy(MenteeEntity, { id: command.personId })) || (await tx.manager.existsBy(MentorEntity, { id: command.personId }));
      if (!known) throw new NotFoundError('person', command.personId);
      if (command.purpose === 'programme-participation' && !command.granted) {
        throw new InvalidRequestError('to stop taking part, withdraw from the programme (POST /mentees/:id/withdraw)');
      }
      const consent = tx.manager.create(ConsentEntity, { ...command, changedAt: tx.now });
      await tx.manager.save(consent);
      tx.record(command.granted ? 'consent.granted' : 'consent.withdrawn', 'person', command.personId, [command.purpose]);
      tx.emit({ contract: ConsentChanged, key: command.personId, data: { ...command, changedAt: tx.now.toISOString() } });
      return consent;
    });
  }
}
