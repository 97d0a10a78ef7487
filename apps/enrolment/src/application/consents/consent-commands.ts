import { Injectable } from '@nestjs/common';
import { ConsentChanged, ConsentPurpose } from '@cmp/contracts';
import { UnitOfWork } from '@cmp/kernel';
import { InvalidRequestError, NotFoundError } from '../../domain/enrolment-error';
import { MenteeRepository } from '../mentees/mentee.repository';
import { MentorRepository } from '../mentors/mentor.repository';
import { Consent, ConsentRepository } from './consent.repository';

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
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly consents: ConsentRepository,
    private readonly mentees: MenteeRepository,
    private readonly mentors: MentorRepository,
  ) {}

  change(actor: string, command: ChangeConsentCommand): Promise<Consent> {
    return this.unitOfWork.run(actor, async (tx) => {
      const known = (await this.mentees.exists(tx, command.personId)) || (await this.mentors.exists(tx, command.personId));
      if (!known) throw new NotFoundError('person', command.personId);
      if (command.purpose === 'programme-participation' && !command.granted) {
        throw new InvalidRequestError('to stop taking part, withdraw from the programme (POST /mentees/:id/withdraw)');
      }
      const consent: Consent = { ...command, changedAt: tx.now };
      await this.consents.save(tx, consent);
      tx.record(command.granted ? 'consent.granted' : 'consent.withdrawn', 'person', command.personId, [command.purpose]);
      tx.emit({ contract: ConsentChanged, key: command.personId, data: { ...command, changedAt: tx.now.toISOString() } });
      return consent;
    });
  }
}
