import type { PersonRole, SurveyKind } from '@cmp/contracts';
import type { ReadTransaction, Transaction } from '@cmp/kernel';
import { InMemoryUnitOfWork } from '@cmp/testing';
import { SurveySlug } from '../domain/surveys/standard-surveys';
import { Answers } from '../domain/surveys/survey-question';
import { AnsweredQuestions, Invitation, InvitationCount, InvitationRepository, SurveyResponse } from './invitations/invitation.repository';
import { InvitationCommands } from './invitations/invitation-commands';
import { InvitationQueries } from './invitations/invitation-queries';
import { DueSurvey, ScheduledSurveyRepository } from './invitations/scheduled-survey.repository';
import { OutcomeCommands } from './outcomes/outcome-commands';
import { CohortOutcome, Outcome, OutcomeRepository } from './outcomes/outcome.repository';
import { PeopleCommands } from './people/people-commands';
import { EvaluationConsent, PeopleRepository } from './people/people.repository';
import { Cohort, Mentorship, NewMentorship, ParticipantFacts, ProgrammeRepository } from './programme/programme.repository';
import { SurveyCommands } from './surveys/survey-commands';
import { SurveyRepository, SurveyVersion } from './surveys/survey.repository';

/** Plain maps behind the repository ports, for use-case tests without a database. */

interface StoredPerson {
  key: string;
  personId: string | null;
  role: PersonRole | null;
  followUpConsent: boolean;
  shareOutcomesConsent: boolean;
}

export class InMemoryPeopleRepository extends PeopleRepository {
  readonly people: StoredPerson[] = [];
  readonly erased = new Set<string>();
  private nextKey = 1;

  async ensureKey(_tx: Transaction, personId: string, role: PersonRole | null): Promise<string> {
    const known = this.people.find((person) => person.personId === personId);
    if (known) {
      known.role ??= role;
      return known.key;
    }
    const key = `00000000-0000-4000-8000-${String(this.nextKey++).padStart(12, '0')}`;
    this.people.push({ key, personId, role, followUpConsent: true, shareOutcomesConsent: false });
    return key;
  }

  async keyOf(_tx: ReadTransaction, personId: string): Promise<string | null> {
    return this.people.find((person) => person.personId === personId)?.key ?? null;
  }

  async personIdOf(_tx: ReadTransaction, key: string): Promise<string | null> {
    return this.byKey(key)?.personId ?? null;
  }

  async followUpConsentOf(_tx: ReadTransaction, key: string): Promise<boolean> {
    return this.byKey(key)?.followUpConsent ?? false;
  }

  async setConsent(_tx: Transaction, key: string, consent: EvaluationConsent, granted: boolean): Promise<void> {
    const person = this.byKey(key);
    if (!person) return;
    if (consent === 'follow-up-surveys') person.followUpConsent = granted;
    else person.shareOutcomesConsent = granted;
  }

  async isErased(_tx: ReadTransaction, personId: string): Promise<boolean> {
    return this.erased.has(personId);
  }

  async markErased(_tx: Transaction, personId: string): Promise<void> {
    this.erased.add(personId);
  }

  async detach(_tx: Transaction, key: string): Promise<void> {
    const person = this.byKey(key);
    if (!person) return;
    person.personId = null;
    person.shareOutcomesConsent = false;
  }

  private byKey(key: string): StoredPerson | undefined {
    return this.people.find((person) => person.key === key);
  }
}

export class InMemoryProgrammeRepository extends ProgrammeRepository {
  readonly cohorts = new Map<string, Cohort>();
  readonly participants = new Map<string, ParticipantFacts & { withdrawn: boolean; completedOn: string | null }>();
  readonly mentorships = new Map<string, NewMentorship & { status: Mentorship['status'] }>();

  async saveCohort(_tx: Transaction, cohort: Cohort): Promise<void> {
    this.cohorts.set(cohort.id, cohort);
  }

  async mergeParticipant(_tx: Transaction, personKey: string, cohortId: string, facts: ParticipantFacts): Promise<void> {
    const known = this.participants.get(`${personKey}/${cohortId}`);
    this.participants.set(`${personKey}/${cohortId}`, {
      referringOrganisationId: facts.referringOrganisationId ?? known?.referringOrganisationId ?? null,
      placed: Boolean(known?.placed || facts.placed),
      matched: Boolean(known?.matched || facts.matched),
      withdrawn: known?.withdrawn ?? false,
      completedOn: known?.completedOn ?? null,
    });
  }

  async withdrawParticipant(_tx: Transaction, personKey: string, cohortId: string | null): Promise<void> {
    for (const [id, participant] of this.participants) {
      if (id.startsWith(`${personKey}/`) && (cohortId === null || id.endsWith(`/${cohortId}`)) && participant.completedOn === null) participant.withdrawn = true;
    }
  }

  async completeParticipant(tx: Transaction, personKey: string, cohortId: string, completedOn: string): Promise<void> {
    await this.mergeParticipant(tx, personKey, cohortId, { placed: true, matched: true });
    const participant = this.participants.get(`${personKey}/${cohortId}`);
    if (participant) participant.completedOn ??= completedOn;
  }

  async isParticipant(_tx: ReadTransaction, personKey: string, cohortId: string): Promise<boolean> {
    return this.participants.has(`${personKey}/${cohortId}`);
  }

  async addMentorship(_tx: Transaction, mentorship: NewMentorship): Promise<void> {
    if (!this.mentorships.has(mentorship.matchId)) this.mentorships.set(mentorship.matchId, { ...mentorship, status: 'confirmed' });
  }

  async mentorship(_tx: ReadTransaction, matchId: string): Promise<Mentorship | null> {
    return this.mentorships.get(matchId) ?? null;
  }

  async closeMentorship(_tx: Transaction, matchId: string, status: 'ended' | 'completed'): Promise<void> {
    const mentorship = this.mentorships.get(matchId);
    if (mentorship?.status === 'confirmed') mentorship.status = status;
  }

  async planMentorship(): Promise<void> {
    // Plan dates are read by no use case; the in-memory programme does not keep them.
  }

  async recordSessionsHeld(): Promise<void> {
    // Sessions are read only by the KPI report, which has its own repository.
  }

  async completeMentorship(_tx: Transaction, matchId: string): Promise<void> {
    const mentorship = this.mentorships.get(matchId);
    if (mentorship) mentorship.status = 'completed';
  }
}

export class InMemorySurveyRepository extends SurveyRepository {
  readonly surveys: SurveyVersion[] = [];

  async addIfNew(tx: Transaction, survey: SurveyVersion): Promise<void> {
    if (!this.surveys.some((known) => known.slug === survey.slug && known.version === survey.version)) await this.add(tx, survey);
  }

  async add(_tx: Transaction, survey: SurveyVersion): Promise<void> {
    this.surveys.push(survey);
  }

  async lockSeries(_tx: Transaction, _slug: SurveySlug): Promise<void> {
    // One test, one caller: nothing to serialise.
  }

  async latest(_tx: ReadTransaction, slug: string): Promise<SurveyVersion | null> {
    return this.surveys.filter((survey) => survey.slug === slug).sort((a, b) => b.version - a.version)[0] ?? null;
  }

  async byId(_tx: ReadTransaction, id: string): Promise<SurveyVersion> {
    const survey = this.surveys.find((known) => known.id === id);
    if (!survey) throw new Error(`no survey ${id}`);
    return survey;
  }

  async latestOfEach(): Promise<SurveyVersion[]> {
    return this.surveys
      .filter((survey) => !this.surveys.some((other) => other.slug === survey.slug && other.version > survey.version))
      .sort((a, b) => a.slug.localeCompare(b.slug));
  }

  async versions(_tx: ReadTransaction, slug: string): Promise<SurveyVersion[]> {
    return this.surveys.filter((survey) => survey.slug === slug).sort((a, b) => a.version - b.version);
  }
}

export class InMemoryInvitationRepository extends InvitationRepository {
  readonly invitations = new Map<string, Invitation>();
  readonly tokens = new Map<string, string>();
  readonly responses: SurveyResponse[] = [];

  constructor(private readonly surveys: InMemorySurveyRepository) {
    super();
  }

  async addIfNew(_tx: Transaction, invitation: Invitation): Promise<boolean> {
    const duplicate = [...this.invitations.values()].some(
      (known) => known.personKey === invitation.personKey && known.kind === invitation.kind && known.cohortId === invitation.cohortId,
    );
    if (duplicate) return false;
    this.invitations.set(invitation.id, invitation);
    return true;
  }

  async addToken(_tx: Transaction, tokenHash: string, invitationId: string): Promise<void> {
    this.tokens.set(tokenHash, invitationId);
  }

  async byTokenHash(_tx: ReadTransaction, tokenHash: string): Promise<Invitation | null> {
    const id = this.tokens.get(tokenHash);
    return id ? (this.invitations.get(id) ?? null) : null;
  }

  async markAnswered(_tx: Transaction, invitationId: string, at: Date): Promise<void> {
    this.change(invitationId, { status: 'answered', answeredAt: at });
  }

  async markReminded(_tx: Transaction, invitationId: string, at: Date): Promise<void> {
    this.change(invitationId, { remindedAt: at });
  }

  async markExpired(_tx: Transaction, invitationId: string, at: Date): Promise<void> {
    this.change(invitationId, { status: 'expired', closedAt: at });
  }

  async claimDueReminders(_tx: Transaction, now: Date, limit: number): Promise<Invitation[]> {
    return this.open()
      .filter((invitation) => !invitation.remindedAt && invitation.remindAt && invitation.remindAt <= now && invitation.expiresAt > now)
      .slice(0, limit);
  }

  async claimExpired(_tx: Transaction, now: Date, limit: number): Promise<Invitation[]> {
    return this.open()
      .filter((invitation) => invitation.expiresAt <= now)
      .slice(0, limit);
  }

  async deleteTokensOf(_tx: Transaction, personKey: string): Promise<void> {
    for (const [hash, id] of this.tokens) if (this.invitations.get(id)?.personKey === personKey) this.tokens.delete(hash);
  }

  async withdrawOpenOf(_tx: Transaction, personKey: string, at: Date): Promise<void> {
    for (const invitation of this.open()) if (invitation.personKey === personKey) this.change(invitation.id, { status: 'withdrawn', closedAt: at });
  }

  async countsOfCohort(_tx: ReadTransaction, cohortId: string): Promise<InvitationCount[]> {
    const counts = new Map<string, InvitationCount>();
    for (const invitation of this.invitations.values()) {
      if (invitation.cohortId !== cohortId) continue;
      const id = `${invitation.kind}/${invitation.status}`;
      counts.set(id, { kind: invitation.kind, status: invitation.status, count: (counts.get(id)?.count ?? 0) + 1 });
    }
    return [...counts.values()];
  }

  async addResponse(_tx: Transaction, response: SurveyResponse): Promise<void> {
    this.responses.push(response);
  }

  async responsesOf(tx: ReadTransaction, personKey: string): Promise<AnsweredQuestions[]> {
    const own = this.responses.filter((response) => this.invitations.get(response.invitationId)?.personKey === personKey);
    return Promise.all(own.map(async (response) => ({ responseId: response.id, answers: response.answers, questions: (await this.surveys.byId(tx, response.surveyId)).questions })));
  }

  async replaceAnswers(_tx: Transaction, responseId: string, answers: Answers): Promise<void> {
    const index = this.responses.findIndex((response) => response.id === responseId);
    this.responses[index] = { ...this.responses[index], answers };
  }

  private open(): Invitation[] {
    return [...this.invitations.values()].filter((invitation) => invitation.status === 'sent');
  }

  private change(invitationId: string, changes: Partial<Invitation>): void {
    const invitation = this.invitations.get(invitationId);
    if (invitation) this.invitations.set(invitationId, { ...invitation, ...changes });
  }
}

export class InMemoryScheduledSurveyRepository extends ScheduledSurveyRepository {
  readonly surveys = new Map<string, DueSurvey & { dueAt: Date; status: 'pending' | 'sent' | 'cancelled' }>();

  async schedule(_tx: Transaction, kind: SurveyKind, matchId: string, cohortId: string, dueAt: Date): Promise<void> {
    const known = [...this.surveys.values()].find((survey) => survey.matchId === matchId && survey.kind === kind);
    if (!known) this.surveys.set(`${matchId}/${kind}`, { id: `${matchId}/${kind}`, kind, matchId, cohortId, dueAt, status: 'pending' });
    else if (known.status === 'pending') known.dueAt = dueAt;
  }

  async cancelPendingOf(_tx: Transaction, matchId: string): Promise<void> {
    for (const survey of this.surveys.values()) if (survey.matchId === matchId && survey.status === 'pending') survey.status = 'cancelled';
  }

  async claimDue(_tx: Transaction, now: Date, limit: number): Promise<DueSurvey[]> {
    return [...this.surveys.values()].filter((survey) => survey.status === 'pending' && survey.dueAt <= now).slice(0, limit);
  }

  async settle(_tx: Transaction, id: string, status: 'sent' | 'cancelled'): Promise<void> {
    const survey = this.surveys.get(id);
    if (survey) survey.status = status;
  }
}

export class InMemoryOutcomeRepository extends OutcomeRepository {
  readonly outcomes: Outcome[] = [];

  constructor(private readonly people: InMemoryPeopleRepository) {
    super();
  }

  async add(_tx: Transaction, outcome: Outcome): Promise<void> {
    this.outcomes.push(outcome);
  }

  async ofCohort(tx: ReadTransaction, cohortId: string): Promise<CohortOutcome[]> {
    const own = this.outcomes.filter((outcome) => outcome.cohortId === cohortId);
    return Promise.all(own.map(async ({ personKey, cohortId: _cohort, invitationId: _invitation, ...outcome }) => ({ ...outcome, menteeId: await this.people.personIdOf(tx, personKey) })));
  }

  async dropNotesOf(_tx: Transaction, personKey: string): Promise<void> {
    this.outcomes.forEach((outcome, index) => {
      if (outcome.personKey === personKey) this.outcomes[index] = { ...outcome, sourceNote: null };
    });
  }
}

export const TEST_SURVEY_BASE_URL = 'https://cmp.example.org/api/v1/surveys/answer';

/** The use cases wired to in-memory repositories, the standard surveys seeded, the clock movable. */
export async function inMemoryEvaluation(now = new Date('2027-06-01T10:00:00Z')) {
  let current = now;
  const unitOfWork = new InMemoryUnitOfWork(() => current);
  const people = new InMemoryPeopleRepository();
  const programme = new InMemoryProgrammeRepository();
  const surveys = new InMemorySurveyRepository();
  const invitations = new InMemoryInvitationRepository(surveys);
  const outcomes = new InMemoryOutcomeRepository(people);
  const outcomeCommands = new OutcomeCommands(unitOfWork, outcomes, people, programme);
  const invitationCommands = new InvitationCommands(unitOfWork, invitations, surveys, people, programme, new InMemoryScheduledSurveyRepository(), outcomeCommands, {
    surveyBaseUrl: TEST_SURVEY_BASE_URL,
    validityDays: 28,
    reminderAfterDays: 7,
  });
  await new SurveyCommands(unitOfWork, surveys).onModuleInit();
  return {
    unitOfWork,
    people,
    programme,
    surveys,
    invitations,
    outcomes,
    outcomeCommands,
    invitationCommands,
    invitationQueries: new InvitationQueries(unitOfWork, invitations, surveys),
    peopleCommands: new PeopleCommands(people, invitations, outcomes),
    setNow: (instant: Date) => (current = instant),
    /** A mentee known to evaluation and placed in the cohort; returns the mentee's key. */
    async participant(menteeId: string, cohortId: string): Promise<string> {
      return unitOfWork.run('test', async (tx) => {
        const key = await people.ensureKey(tx, menteeId, 'mentee');
        await programme.mergeParticipant(tx, key, cohortId, { placed: true });
        return key;
      });
    },
  };
}
