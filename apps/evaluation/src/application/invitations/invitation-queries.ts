import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@cmp/kernel';
import { SurveyQuestion } from '../../domain/surveys/survey-question';
import { SurveyRepository } from '../surveys/survey.repository';
import { InvitationRepository } from './invitation.repository';
import { invitationByToken, LinkStatus, openStatusOf } from './invitation-links';

export interface InvitationTally {
  readonly kind: string;
  readonly invited: number;
  readonly open: number;
  readonly answered: number;
  readonly expired: number;
  readonly withdrawn: number;
}

export interface SurveyForm {
  readonly title: string;
  readonly kind: string;
  readonly version: number;
  readonly questions: SurveyQuestion[];
  readonly status: LinkStatus;
  readonly expiresAt: Date;
}

@Injectable()
export class InvitationQueries {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly invitations: InvitationRepository,
    private readonly surveys: SurveyRepository,
  ) {}

  /** The survey a link opens, with whether it can still be answered. */
  form(token: string): Promise<SurveyForm> {
    return this.unitOfWork.read(async (tx) => {
      const { invitation, survey } = await invitationByToken(this.invitations, this.surveys, tx, token, { lock: false });
      return {
        title: survey.title,
        kind: invitation.kind,
        version: survey.version,
        questions: survey.questions,
        status: openStatusOf(invitation, tx.now),
        expiresAt: invitation.expiresAt,
      };
    });
  }

  /** Per survey kind: how many invitations were sent and what became of them. */
  cohortTally(cohortId: string): Promise<InvitationTally[]> {
    return this.unitOfWork.read(async (tx) => {
      const rows = await this.invitations.countsOfCohort(tx, cohortId);
      return [...new Set(rows.map((row) => row.kind))].map((kind) => {
        const of = (status: string) => rows.find((row) => row.kind === kind && row.status === status)?.count ?? 0;
        const invited = rows.filter((row) => row.kind === kind).reduce((sum, row) => sum + row.count, 0);
        return { kind, invited, open: of('sent'), answered: of('answered'), expired: of('expired'), withdrawn: of('withdrawn') };
      });
    });
  }
}
