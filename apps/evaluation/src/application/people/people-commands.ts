import { Injectable } from '@nestjs/common';
import { PersonErasedData } from '@cmp/contracts';
import { Transaction } from '@cmp/kernel';
import { withoutFreeText } from '../../domain/surveys/survey-question';
import { InvitationRepository } from '../invitations/invitation.repository';
import { OutcomeRepository } from '../outcomes/outcome.repository';
import { PeopleRepository } from './people.repository';

/**
 * Erasure keeps the numbers and drops the person: the key stays on participants, mentorships,
 * outcomes and responses (so past cohorts' KPIs do not move), while the link from key to person,
 * the survey links, open invitations, free-text answers and coordinators' notes go.
 */
@Injectable()
export class PeopleCommands {
  constructor(
    private readonly people: PeopleRepository,
    private readonly invitations: InvitationRepository,
    private readonly outcomes: OutcomeRepository,
  ) {}

  /** Runs in the transaction of the consumed `PersonErased`. */
  async erase(tx: Transaction, data: PersonErasedData): Promise<void> {
    const key = await this.people.keyOf(tx, data.personId);
    await this.people.markErased(tx, data.personId);
    if (!key) return;
    await this.invitations.deleteTokensOf(tx, key);
    await this.invitations.withdrawOpenOf(tx, key, tx.now);
    for (const response of await this.invitations.responsesOf(tx, key)) {
      await this.invitations.replaceAnswers(tx, response.responseId, withoutFreeText(response.questions, response.answers));
    }
    await this.outcomes.dropNotesOf(tx, key);
    // Consent to share with the referrer lapses with the person: partners no longer see them.
    await this.people.detach(tx, key);
  }
}
