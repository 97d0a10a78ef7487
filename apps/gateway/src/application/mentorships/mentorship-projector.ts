import { Injectable } from '@nestjs/common';
import { Transaction } from '@cmp/kernel';
import { MatchConfirmedData, MatchEndedData, PersonErasedData } from '@cmp/contracts';
import { SignInFailureKeys } from '../../domain/sign-in-failure-keys';
import { AccountRepository } from '../accounts/account.repository';
import { SignInFailureRepository } from '../sign-in/sign-in-failure.repository';
import { MentorshipRepository } from './mentorship.repository';

/**
 * Keeps what the gateway's ownership rules need from other services' events: which mentees a
 * mentor is matched with, and which accounts belong to erased people. Every write is
 * idempotent, and the inbox makes each event count once anyway.
 */
@Injectable()
export class MentorshipProjector {
  constructor(
    private readonly failureKeys: SignInFailureKeys,
    private readonly mentorships: MentorshipRepository,
    private readonly accounts: AccountRepository,
    private readonly failures: SignInFailureRepository,
  ) {}

  async matchConfirmed(tx: Transaction, data: MatchConfirmedData): Promise<void> {
    await this.mentorships.recordConfirmed(tx, data);
  }

  async matchEnded(tx: Transaction, data: MatchEndedData, endedAt: Date): Promise<void> {
    // An end may overtake its confirmation on another partition: record the pair as ended either way.
    await this.mentorships.recordEnded(tx, data, endedAt);
  }

  /**
   * An erased person keeps no account: their email and password hash go, and with them every
   * session. The sign-in failures counted against their email (keyed by its hash) go too.
   */
  async personErased(tx: Transaction, data: PersonErasedData): Promise<void> {
    const emails = await this.accounts.emailsOfPerson(tx, data.personId);
    await this.failures.deleteKeys(
      tx,
      emails.map((email) => this.failureKeys.account(email)),
    );
    await this.accounts.deleteByPerson(tx, data.personId);
  }
}
