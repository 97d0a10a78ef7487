import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mentionedPeople, MessageIntent, recipientKey } from './message';
import * as rules from './message-rules';

const fixture = <T>(type: string): T => JSON.parse(readFileSync(join(__dirname, `../../../../libs/contracts/src/fixtures/${type}.json`), 'utf8'));
const MENTEE = '3b241101-e2bb-4255-8caf-4136c566a962';
const MENTOR = '9a7b330a-a736-4d16-9ef5-6e62b4b1d7a1';
const to = (intents: MessageIntent[]) => intents.map((intent) => recipientKey(intent.recipient));

describe('message rules', () => {
  it('confirms an application to the applicant, noting a referral', () => {
    const [intent] = rules.applicationReceived(fixture('dk.cmp.enrolment.mentee-applied.v1'));
    expect(intent).toMatchObject({ template: 'application-received', recipient: { personId: MENTEE }, essential: true, model: { referred: true } });
    expect(intent.channels).toEqual(['email', 'inbox']);
  });

  it('tells the applicant about acceptance, waiting-list position and rejection with its reason', () => {
    expect(rules.applicationAccepted(fixture('dk.cmp.enrolment.mentee-accepted.v1'))[0].template).toBe('application-accepted');
    const waitlisted = fixture<{ position: number }>('dk.cmp.enrolment.mentee-waitlisted.v1');
    expect(rules.applicationWaitlisted(waitlisted as never)[0].model.position).toBe(waitlisted.position);
    const rejected = fixture<{ reason: string }>('dk.cmp.enrolment.mentee-rejected.v1');
    expect(rules.applicationRejected(rejected as never)[0].model.reason).toBe(rejected.reason);
  });

  it('tells a mentee about the place in a cohort and about a withdrawal', () => {
    expect(to(rules.menteePlaced(fixture('dk.cmp.enrolment.mentee-placed.v1')))).toEqual([`person:${MENTEE}`]);
    expect(rules.menteeWithdrew(fixture('dk.cmp.enrolment.mentee-withdrew.v1'))[0].template).toBe('mentee-withdrew');
  });

  it('welcomes a new mentor', () => {
    expect(rules.mentorWelcome(fixture('dk.cmp.enrolment.mentor-registered.v1'))[0]).toMatchObject({ template: 'mentor-welcome', recipient: { kind: 'person' } });
  });

  it('introduces mentee and mentor to each other', () => {
    const intents = rules.matchIntroduction(fixture('dk.cmp.matching.match-confirmed.v1'));
    expect(intents.map((intent) => [recipientKey(intent.recipient), intent.peerId, intent.model.recipientIsMentee])).toEqual([
      [`person:${MENTEE}`, MENTOR, true],
      [`person:${MENTOR}`, MENTEE, false],
    ]);
    expect(mentionedPeople(intents[0]).sort()).toEqual([MENTEE, MENTOR].sort());
  });

  it('sends both a calendar invitation when a session is confirmed or moved', () => {
    const confirmed = rules.sessionConfirmed(fixture('dk.cmp.scheduling.session-confirmed.v1'));
    expect(to(confirmed)).toEqual([`person:${MENTEE}`, `person:${MENTOR}`]);
    expect(confirmed[0].calendar).toMatchObject({ uid: '5f0c1d7e-2b8a-4c3e-9f1a-6d2e8b7c4a10@cmp', method: 'REQUEST', sequence: 0 });
    const moved = rules.sessionRescheduled(fixture('dk.cmp.scheduling.session-rescheduled.v1'));
    expect(moved[1]).toMatchObject({ template: 'session-rescheduled', calendar: { method: 'REQUEST' }, model: { previousStartsAt: expect.any(String) } });
  });

  it('cancels the calendar entry of a cancelled session that had a time', () => {
    const data = fixture<{ startsAt?: string }>('dk.cmp.scheduling.session-cancelled.v1');
    const cancelled = rules.sessionCancelled(data as never);
    expect(cancelled).toHaveLength(2);
    expect(cancelled[0].calendar?.method ?? null).toBe(data.startsAt ? 'CANCEL' : null);
    const untimed = rules.sessionCancelled({ ...(data as object), startsAt: undefined, endsAt: undefined } as never);
    expect(untimed[0].calendar).toBeUndefined();
    expect(untimed[0].model.startsAt).toBeNull();
  });

  it('reminds both of a session, as a message they may opt out of', () => {
    const reminders = rules.sessionReminder(fixture('dk.cmp.scheduling.session-reminder-due.v1'));
    expect(reminders.map((intent) => intent.essential)).toEqual([false, false]);
    expect(typeof reminders[0].model.inOneHour).toBe('boolean');
  });

  it('nudges a stalled pair and gives the coordinators a task in their inbox', () => {
    const intents = rules.mentorshipStalled(fixture('dk.cmp.scheduling.mentorship-stalled.v1'));
    expect(to(intents)).toEqual([`person:${MENTEE}`, `person:${MENTOR}`, 'coordinators']);
    expect(intents[2]).toMatchObject({ template: 'mentorship-stalled-task', channels: ['inbox'] });
  });

  it('mails the survey link from evaluation, and reminds of it', () => {
    const sent = fixture<{ link: string }>('dk.cmp.evaluation.survey-sent.v1');
    expect(rules.surveyInvitation(sent as never)[0].model.link).toBe(sent.link);
    expect(rules.surveyReminder(fixture('dk.cmp.evaluation.survey-reminder-due.v1'))[0].template).toBe('survey-reminder');
  });

  it('congratulates both when the programme is completed', () => {
    expect(rules.programmeCompleted(fixture('dk.cmp.scheduling.mentorship-completed.v1')).map((intent) => intent.peerId)).toEqual([MENTOR, MENTEE]);
  });

  it('mails a sign-in link by email only, as a secret', () => {
    const [intent] = rules.signInLink(fixture('dk.cmp.gateway.sign-in-link-requested.v1'));
    expect(intent).toMatchObject({ template: 'sign-in-link', channels: ['email'], secret: true, essential: true });
  });

  it('tells the owner by email when someone signs up with the address of her account', () => {
    const [intent] = rules.accountExists(fixture('dk.cmp.gateway.existing-account-enrolment-attempted.v1'));
    expect(intent).toMatchObject({ template: 'account-exists', recipient: { kind: 'person', personId: '3b241101-e2bb-4255-8caf-4136c566a962' }, channels: ['email'], essential: true, model: { asMentor: false } });
  });
});
