import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import {
  CohortScheduled,
  deadLetterTopic,
  ConsentChanged,
  EventContract,
  FollowUpDue,
  FollowUpDueData,
  MatchConfirmed,
  MatchEnded,
  MenteeApplied,
  MenteePlaced,
  MenteeProfile,
  MentorshipCompleted,
  PersonErased,
  PlanCreated,
  SessionCompleted,
} from '@cmp/contracts';
import { createKafka, TopicProvisioner } from '@cmp/messaging';
import { EventProbe, ProbedEvent, testInfrastructure, TestEventPublisher, waitFor, hopSigning } from '@cmp/testing';
import { EvaluationTestApp, startEvaluation, SURVEY_BASE_URL } from './evaluation-test-app';

const COORDINATOR = 'coordinator:c-1';
const profile: MenteeProfile = JSON.parse(readFileSync(join(__dirname, '../../../libs/contracts/src/fixtures/dk.cmp.enrolment.mentee-placed.v1.json'), 'utf8')).profile;

interface Pair {
  readonly cohortId: string;
  readonly menteeId: string;
  readonly mentorId: string;
  readonly matchId: string;
}

type Data = Record<string, unknown>;

describe('evaluation service', () => {
  const infra = testInfrastructure();
  let service: EvaluationTestApp;
  let publisher: TestEventPublisher;
  let probe: EventProbe;

  beforeAll(async () => {
    service = await startEvaluation();
    const kafka = createKafka({ brokers: infra.kafkaBrokers, sasl: infra.kafkaSasl, clientId: 'evaluation-test' });
    await new TopicProvisioner(kafka).ensure(['cmp.enrolment.events', 'cmp.matching.events', 'cmp.scheduling.events', 'cmp.evaluation.events']);
    publisher = await TestEventPublisher.connect('evaluation-test');
    probe = await EventProbe.start(['cmp.evaluation.events']);
  });

  afterAll(async () => {
    await probe?.stop();
    await publisher?.disconnect();
    await service?.close();
  });

  function publish<T extends object>(contract: EventContract<T>, key: string, data: T, id: string = randomUUID()): Promise<string> {
    return publisher.publish(contract, key, data, { id, correlationId: `setup-${id}` });
  }

  const http = () => request(hopSigning(service.app, 'evaluation'));
  const asCoordinator = (method: 'get' | 'post', path: string) => http()[method](path).set('x-actor', COORDINATOR);
  const count = async (sql: string, values: unknown[] = []) => Number((await service.dataSource.query(sql, values))[0].count);
  const dataOf = (probed: ProbedEvent) => (probed.event.data ?? {}) as Data;
  const ofType = (suffix: string, match: Data) => (probed: ProbedEvent) =>
    probed.event.type === `dk.cmp.evaluation.${suffix}.v1` && Object.entries(match).every(([field, value]) => dataOf(probed)[field] === value);

  async function scheduleCohort(name: string, startsOn = '2027-02-01', endsOn = '2027-06-01'): Promise<string> {
    const cohortId = randomUUID();
    await publish(CohortScheduled, cohortId, {
      cohortId,
      name,
      startsOn,
      endsOn,
      applicationDeadline: '2027-01-15',
      capacity: 30,
      excludeMentorsFromReferringOrganisation: true,
    });
    await waitFor(() => count('SELECT count(*) FROM cohorts WHERE id = $1', [cohortId]), (n) => n === 1, { what: 'the cohort' });
    return cohortId;
  }

  /** A placed mentee with a confirmed mentor; events keyed by mentee so they stay in order. */
  async function pairIn(cohortId: string, referringOrganisationId?: string): Promise<Pair> {
    const pair = { cohortId, menteeId: randomUUID(), mentorId: randomUUID(), matchId: randomUUID() };
    await publish(MenteeApplied, pair.menteeId, { menteeId: pair.menteeId, cohortId, ...(referringOrganisationId ? { referringOrganisationId } : {}) });
    await publish(MenteePlaced, pair.menteeId, { menteeId: pair.menteeId, cohortId, profile, ...(referringOrganisationId ? { referringOrganisationId } : {}) });
    await publish(MatchConfirmed, pair.menteeId, { ...pair, confirmedAt: '2027-01-25T09:00:00.000Z' });
    return pair;
  }

  async function complete(pair: Pair, completedOn = '2027-06-01', sessionsHeld = 8): Promise<void> {
    await publish(MentorshipCompleted, pair.menteeId, { ...pair, completedOn, sessionsHeld });
  }

  async function followUp(pair: Pair, monthsAfterCompletion: 0 | 3 | 6, completedOn = '2027-06-01', id: string = randomUUID()): Promise<string> {
    const dueOn = { 0: completedOn, 3: '2027-09-01', 6: '2027-12-01' }[monthsAfterCompletion];
    return publish(FollowUpDue, pair.menteeId, { ...pair, monthsAfterCompletion, completedOn, dueOn }, id);
  }

  /** The link sent to a person for a kind of survey, and its token. */
  async function linkSent(personId: string, kind: string): Promise<{ link: string; token: string; invitationId: string }> {
    const [sent] = await probe.expectExactly(ofType('survey-sent', { personId, kind }), 1, 0);
    const { link, invitationId } = dataOf(sent) as { link: string; invitationId: string };
    return { link, invitationId, token: link.slice(SURVEY_BASE_URL.length + 1) };
  }

  async function report(cohortId: string) {
    return (await asCoordinator('get', `/reports/cohorts/${cohortId}`).expect(200)).body;
  }

  it('sends each follow-up survey once, however often scheduling says it is due, with a link stored only as a hash', async () => {
    const cohortId = await scheduleCohort('Spring 2027');
    const pair = await pairIn(cohortId);
    await complete(pair);

    // End of programme: both mentee and mentor are invited.
    const ends = await probe.expectExactly(ofType('survey-sent', { cohortId, kind: 'end-of-programme' }), 2);
    expect(ends.map((probed) => [dataOf(probed).personId, dataOf(probed).role]).sort()).toEqual(
      [
        [pair.menteeId, 'mentee'],
        [pair.mentorId, 'mentor'],
      ].sort(),
    );

    const repeated = await followUp(pair, 0);
    await publish(FollowUpDue, pair.menteeId, { ...pair, monthsAfterCompletion: 0, completedOn: '2027-06-01', dueOn: '2027-06-01' }, repeated);
    await followUp(pair, 0);
    const sent = await probe.expectExactly(ofType('survey-sent', { cohortId, kind: 'follow-up-0' }), 1, 3000);
    expect(sent).toHaveLength(1);
    expect(dataOf(sent[0])).toMatchObject({ personId: pair.menteeId, role: 'mentee', matchId: pair.matchId, expiresAt: '2027-06-29T10:00:00.000Z' });
    expect(await count(`SELECT count(*) FROM invitations WHERE cohort_id = $1 AND kind = 'follow-up-0'`, [cohortId])).toBe(1);

    const { link, token, invitationId } = await linkSent(pair.menteeId, 'follow-up-0');
    expect(link.startsWith(`${SURVEY_BASE_URL}/`)).toBe(true);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored: { token_hash: string }[] = await service.dataSource.query(`SELECT token_hash FROM invitation_tokens WHERE invitation_id = $1`, [invitationId]);
    expect(stored).toEqual([{ token_hash: createHash('sha256').update(token).digest('hex') }]);
    expect(await count(`SELECT count(*) FROM invitation_tokens WHERE token_hash = $1`, [token])).toBe(0);

    // +3 is a different survey: it is sent too.
    await followUp(pair, 3);
    await linkSent(pair.menteeId, 'follow-up-3');
  });

  it('records an answered follow-up in the report and refuses a second answer clearly', async () => {
    const cohortId = await scheduleCohort('Autumn 2027');
    const pair = await pairIn(cohortId);
    await complete(pair);
    await linkSent(pair.menteeId, 'end-of-programme');
    service.setNow(new Date('2027-09-01T08:00:00Z'));
    await followUp(pair, 3);
    const { token, invitationId } = await linkSent(pair.menteeId, 'follow-up-3');

    const before = await report(cohortId);
    expect(before.cohort).toMatchObject({ id: cohortId, name: 'Autumn 2027', startsOn: '2027-02-01' });
    expect(before.kpis).toMatchObject({ participants: 1, completed: 1, employedWithinSixMonths: { count: 0, percent: 0 } });
    expect(before.kpis.outcomes['no-answer'].count).toBe(1);
    expect(before.roundingRule).toMatch(/half-up to whole percent/);

    const form = (await http().get(`/surveys/answer/${token}`).expect(200)).body;
    expect(form).toMatchObject({ kind: 'follow-up-3', status: 'open', version: 1 });
    expect(form.questions.map((question: { id: string }) => question.id)).toContain('status');

    const invalid = await http().post(`/surveys/answer/${token}`).send({ answers: { status: 'employed' } }).expect(422);
    expect(invalid.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(invalid.body).toMatchObject({ type: 'https://cmp.dk/problems/evaluation/invalid-answers', status: 422 });
    expect(invalid.body.problems).toContain('startedOn: an answer is required');
    await http().post(`/surveys/answer/${token}`).send({ answers: 'employed' }).expect(400);
    expect(await count('SELECT count(*) FROM responses WHERE invitation_id = $1', [invitationId])).toBe(0);

    service.setNow(new Date('2027-09-03T08:00:00Z'));
    const answers = { status: 'employed', startedOn: '2027-08-15', hours: 'full-time', terms: 'permanent', sector: '62', occupation: '2512', throughMentorNetwork: 'yes', comment: 'Thanks!' };
    await http().post(`/surveys/answer/${token}`).send({ answers }).expect(201);

    const after = await report(cohortId);
    expect(after.kpis.employedWithinSixMonths).toEqual({ count: 1, of: 1, ratio: 1, percent: 100 });
    expect(after.kpis.outcomes['no-answer'].count).toBe(0);
    expect(after.kpis.medianDaysToFirstJob).toBe(75);

    const second = await http().post(`/surveys/answer/${token}`).send({ answers: { status: 'unemployed' } }).expect(409);
    expect(second.body).toMatchObject({ type: 'https://cmp.dk/problems/evaluation/survey-already-answered', status: 409, answeredAt: '2027-09-03T08:00:00.000Z' });
    expect((await http().get(`/surveys/answer/${token}`).expect(200)).body.status).toBe('answered');
    expect(await count('SELECT count(*) FROM responses WHERE invitation_id = $1', [invitationId])).toBe(1);

    const [recorded] = await probe.expectExactly(ofType('outcome-recorded', { cohortId }), 1);
    expect(dataOf(recorded)).toMatchObject({ menteeId: pair.menteeId, status: 'employed', sector: '62', occupation: '2512', throughMentorNetwork: true, startedOn: '2027-08-15', source: 'survey' });
    await probe.expectExactly(ofType('survey-answered', { cohortId, kind: 'follow-up-3' }), 1);
    const outcomes = (await asCoordinator('get', `/cohorts/${cohortId}/outcomes`).expect(200)).body;
    expect(outcomes).toEqual([expect.objectContaining({ menteeId: pair.menteeId, status: 'employed', followUpMonths: 3, reportedOn: '2027-09-03', source: 'survey' })]);

    await http().get(`/surveys/answer/${'x'.repeat(43)}`).expect(404);
    await http().get('/surveys/answer/short').expect(400);
  });

  it('sends no follow-up survey to a mentee who withdrew that consent', async () => {
    const cohortId = await scheduleCohort('Consent cohort');
    const [declined, agreed] = [await pairIn(cohortId), await pairIn(cohortId)];
    await publish(ConsentChanged, declined.menteeId, {
      personId: declined.menteeId,
      purpose: 'follow-up-surveys',
      granted: false,
      noticeVersion: '2026-01',
      changedAt: '2027-05-01T10:00:00.000Z',
    });
    await waitFor(() => count(`SELECT count(*) FROM people WHERE person_id = $1 AND NOT follow_up_consent`, [declined.menteeId]), (n) => n === 1, { what: 'the consent' });
    await waitFor(() => count(`SELECT count(*) FROM participants WHERE cohort_id = $1 AND matched`, [cohortId]), (n) => n === 2, { what: 'both pairs' });
    await followUp(declined, 0);
    await followUp(agreed, 0);
    await linkSent(agreed.menteeId, 'follow-up-0');
    await waitFor(() => count(`SELECT count(*) FROM participants WHERE cohort_id = $1 AND completed_on IS NOT NULL`, [cohortId]), (n) => n === 2, { what: 'both completions' });
    expect(await count(`SELECT count(*) FROM invitations i JOIN people p ON p.key = i.person_key WHERE p.person_id = $1`, [declined.menteeId])).toBe(0);
    expect(probe.events(ofType('survey-sent', { personId: declined.menteeId }))).toEqual([]);
  });

  it('sends the mid-term survey from a durable timer, reminds once with a fresh link, and expires unanswered surveys', async () => {
    service.setNow(new Date('2027-02-01T10:00:00Z'));
    const cohortId = await scheduleCohort('Timer cohort');
    const pair = await pairIn(cohortId);
    const dropped = await pairIn(cohortId);
    for (const { menteeId, mentorId, matchId } of [pair, dropped]) {
      await publish(PlanCreated, menteeId, { planId: randomUUID(), matchId, cohortId, menteeId, mentorId, startsOn: '2027-02-01', endsOn: '2027-06-01', sessions: [] });
    }
    await publish(SessionCompleted, pair.menteeId, { sessionId: randomUUID(), ...pair, startsAt: '2027-02-09T16:00:00.000Z', endsAt: '2027-02-09T17:00:00.000Z', introductionsMade: 1, sessionsHeld: 1 });
    await waitFor(() => count(`SELECT count(*) FROM scheduled_surveys WHERE cohort_id = $1 AND status = 'pending'`, [cohortId]), (n) => n === 2, { what: 'the mid-term timers' });
    await publish(MatchEnded, dropped.menteeId, { ...dropped, reason: 'withdrawn' });
    await waitFor(() => count(`SELECT count(*) FROM scheduled_surveys WHERE cohort_id = $1 AND status = 'cancelled'`, [cohortId]), (n) => n === 1, { what: 'the cancelled timer' });

    // Midpoint of 1 Feb – 1 Jun is 2 April; surveys go out at 09:00 Copenhagen (07:00 UTC in summer time).
    service.setNow(new Date('2027-04-02T06:59:00Z'));
    await service.timers.runDueTimers();
    expect(await count(`SELECT count(*) FROM invitations WHERE cohort_id = $1`, [cohortId])).toBe(0);
    service.setNow(new Date('2027-04-02T07:00:00Z'));
    // Two pollers at once, as two instances would: SKIP LOCKED lets each timer fire once.
    await Promise.all([service.timers.runDueTimers(), service.timers.runDueTimers()]);
    await service.timers.runDueTimers();
    const midTerm = await probe.expectExactly(ofType('survey-sent', { cohortId, kind: 'mid-term' }), 2);
    expect(midTerm.map((probed) => dataOf(probed).personId).sort()).toEqual([pair.menteeId, pair.mentorId].sort());
    expect(await count(`SELECT count(*) FROM invitations WHERE cohort_id = $1`, [cohortId])).toBe(2);
    const first = await linkSent(pair.menteeId, 'mid-term');

    service.setNow(new Date('2027-04-09T07:00:00Z'));
    await Promise.all([service.timers.runDueTimers(), service.timers.runDueTimers()]);
    const reminders = await probe.expectExactly(ofType('survey-reminder-due', { cohortId }), 2);
    const reminder = reminders.find((probed) => dataOf(probed).personId === pair.menteeId);
    const reminderToken = String(reminder && dataOf(reminder).link).slice(SURVEY_BASE_URL.length + 1);
    expect(reminderToken).not.toBe(first.token);
    expect((await http().get(`/surveys/answer/${first.token}`).expect(200)).body.status).toBe('open');
    expect((await http().get(`/surveys/answer/${reminderToken}`).expect(200)).body.status).toBe('open');

    service.setNow(new Date('2027-04-30T07:00:00Z'));
    await service.timers.runDueTimers();
    await probe.expectExactly(ofType('survey-expired', { cohortId, kind: 'mid-term' }), 2);
    const expired = await http().post(`/surveys/answer/${reminderToken}`).send({ answers: { progress: 4, match: 5 } }).expect(410);
    expect(expired.body.type).toBe('https://cmp.dk/problems/evaluation/survey-expired');
    expect((await asCoordinator('get', `/cohorts/${cohortId}/surveys`).expect(200)).body).toEqual([
      { kind: 'mid-term', invited: 2, open: 0, answered: 0, expired: 2, withdrawn: 0 },
    ]);

    // An unanswered follow-up expires into a "no answer" outcome.
    await complete(pair, '2027-06-01', 7);
    service.setNow(new Date('2027-06-01T10:00:00Z'));
    await followUp(pair, 0);
    await linkSent(pair.menteeId, 'follow-up-0');
    service.setNow(new Date('2027-07-01T10:00:00Z'));
    await service.timers.runDueTimers();
    const [noAnswer] = await probe.expectExactly(ofType('outcome-recorded', { cohortId }), 1);
    expect(dataOf(noAnswer)).toMatchObject({ menteeId: pair.menteeId, status: 'no-answer', source: 'survey' });
    const kpis = (await report(cohortId)).kpis;
    expect(kpis.sessionsPerPair).toEqual({ pairs: 1, mean: 7, median: 7 });
    // The dropped pair withdrew after its mentorship began: a participant, not a completer.
    expect(kpis).toMatchObject({ participants: 2, completed: 1, completionRate: { percent: 50 } });
  });

  it('shows a partner only its own consenting referrals, with every cell under five people hidden', async () => {
    service.setNow(new Date('2027-12-10T10:00:00Z'));
    const organisation = randomUUID();
    const cohortId = await scheduleCohort('Partner cohort');
    const pairs: Pair[] = [];
    for (let i = 0; i < 7; i++) pairs.push(await pairIn(cohortId, organisation));
    for (const pair of pairs.slice(0, 6)) {
      await publish(ConsentChanged, pair.menteeId, { personId: pair.menteeId, purpose: 'share-outcomes-with-referrer', granted: true, noticeVersion: '2026-01', changedAt: '2027-01-10T10:00:00.000Z' });
    }
    for (const pair of pairs) await complete(pair);
    await waitFor(() => count(`SELECT count(*) FROM participants WHERE cohort_id = $1 AND completed_on IS NOT NULL`, [cohortId]), (n) => n === 7, { what: 'completions' });
    await waitFor(() => count(`SELECT count(*) FROM people WHERE share_outcomes_consent AND person_id = ANY($1)`, [pairs.map((pair) => pair.menteeId)]), (n) => n === 6, { what: 'consents' });

    const record = (pair: Pair, body: Data, actor = COORDINATOR) =>
      http().post('/outcomes').set('x-actor', actor).send({ menteeId: pair.menteeId, cohortId, reportedOn: '2027-12-02', sourceNote: 'phone call', ...body });
    for (const pair of [...pairs.slice(0, 5), pairs[6]]) await record(pair, { status: 'employed', startedOn: '2027-10-01', hours: 'full-time', terms: 'permanent' }).expect(201);
    await record(pairs[5], { status: 'unemployed' }).expect(201);
    // Bad input is refused and writes nothing.
    await record(pairs[5], { status: 'employed' }).expect(422);
    await record(pairs[5], { status: 'unemployed', sourceNote: undefined }).expect(400);
    await record(pairs[5], { status: 'unemployed', sector: 'not-a-code' }).expect(400);
    await record(pairs[5], { status: 'unemployed' }, `partner:${organisation}`).expect(403);
    await http().post('/outcomes').send({ menteeId: pairs[5].menteeId, cohortId, status: 'unemployed', sourceNote: 'x' }).expect(401);
    expect(await count('SELECT count(*) FROM outcomes WHERE cohort_id = $1', [cohortId])).toBe(7);

    const asPartner = (await http().get(`/partners/${organisation}/report`).set('x-actor', `partner:${organisation}`).expect(200)).body;
    const mine = asPartner.cohorts.find((entry: { cohort: { id: string } }) => entry.cohort.id === cohortId).aggregates;
    expect(mine.participants).toEqual({ count: 6, percent: null, suppressed: false });
    expect(mine.completed).toEqual({ count: 6, percent: null, suppressed: false });
    expect(mine.outcomes.employed).toEqual({ count: 5, percent: 83, suppressed: false });
    expect(mine.outcomes.unemployed).toEqual({ count: null, percent: null, suppressed: true });
    expect(Object.values(mine.outcomes).filter((cell) => !(cell as { suppressed: boolean }).suppressed)).toHaveLength(1);
    expect(asPartner.minimumCellSize).toBe(5);
    await http().get(`/partners/${organisation}/report`).set('x-actor', `partner:${randomUUID()}`).expect(403);
    await asCoordinator('get', `/partners/${organisation}/report`).expect(200);
    await http().get(`/reports/cohorts/${cohortId}`).set('x-actor', `partner:${organisation}`).expect(403);

    // The coordinators' report counts everyone, consenting or not.
    expect((await report(cohortId)).kpis.employedWithinSixMonths).toMatchObject({ count: 6, of: 7, percent: 86 });
  });

  it('erases people without changing their cohort’s percentages', async () => {
    service.setNow(new Date('2027-06-01T10:00:00Z'));
    const cohortId = await scheduleCohort('Erasure cohort');
    const pairs = [await pairIn(cohortId), await pairIn(cohortId), await pairIn(cohortId)];
    for (const pair of pairs) await complete(pair);
    const endOfProgramme = await linkSent(pairs[0].menteeId, 'end-of-programme');
    await http().post(`/surveys/answer/${endOfProgramme.token}`).send({ answers: { satisfaction: 5, recommend: 10, comment: 'Jens was great' } }).expect(201);
    service.setNow(new Date('2027-12-01T10:00:00Z'));
    for (const pair of pairs) await followUp(pair, 6, '2027-06-01');
    const links = await Promise.all(pairs.map((pair) => linkSent(pair.menteeId, 'follow-up-6')));
    service.setNow(new Date('2027-12-03T10:00:00Z'));
    await http().post(`/surveys/answer/${links[0].token}`).send({ answers: { status: 'employed', startedOn: '2027-10-01', hours: 'part-time', terms: 'temporary', comment: 'My mentor Jens got me in at Novo' } }).expect(201);
    await http().post(`/surveys/answer/${links[1].token}`).send({ answers: { status: 'unemployed', comment: 'Still looking' } }).expect(201);

    const before = await report(cohortId);
    expect(before.kpis.employedWithinSixMonths).toMatchObject({ count: 1, of: 3, percent: 33 });
    expect(before.kpis.outcomes.unemployed.ofCompleted.percent).toBe(33);
    const csvBefore = (await asCoordinator('get', `/reports/cohorts/${cohortId}/export.csv`).expect(200)).text;

    await publish(PersonErased, pairs[0].menteeId, { personId: pairs[0].menteeId, role: 'mentee', erasedAt: '2027-12-04T10:00:00.000Z' });
    await publish(PersonErased, pairs[2].menteeId, { personId: pairs[2].menteeId, role: 'mentee', erasedAt: '2027-12-04T10:00:00.000Z' });
    await publish(PersonErased, pairs[1].mentorId, { personId: pairs[1].mentorId, role: 'mentor', erasedAt: '2027-12-04T10:00:00.000Z' });
    await waitFor(() => count('SELECT count(*) FROM people WHERE erased_at IS NOT NULL AND person_id IS NULL'), (n) => n >= 3, { what: 'the erasures' });
    await waitFor(
      () => count('SELECT count(*) FROM people WHERE person_id = ANY($1)', [[pairs[0].menteeId, pairs[2].menteeId, pairs[1].mentorId]]),
      (n) => n === 0,
      { what: 'the erasures of these people' },
    );

    const after = await report(cohortId);
    expect(after.kpis).toEqual(before.kpis);
    expect((await asCoordinator('get', `/reports/cohorts/${cohortId}/export.csv`).expect(200)).text).toBe(csvBefore);
    // Personal links and free text are gone; the numbers stay.
    await http().get(`/surveys/answer/${links[0].token}`).expect(404);
    await http().get(`/surveys/answer/${links[2].token}`).expect(404);
    const answers: { answers: Data }[] = await service.dataSource.query(`SELECT answers FROM responses WHERE cohort_id = $1 ORDER BY answered_at`, [cohortId]);
    expect(answers.map((row) => row.answers.comment)).toEqual(expect.arrayContaining([undefined, 'Still looking']));
    expect(JSON.stringify(answers)).not.toContain('Jens');
    expect(await count(`SELECT count(*) FROM invitations WHERE cohort_id = $1 AND status = 'withdrawn'`, [cohortId])).toBeGreaterThanOrEqual(1);

    // A follow-up already in flight for an erased person brings nobody back.
    await followUp(pairs[0], 6, '2027-06-01');
    await followUp(pairs[1], 0, '2027-06-01');
    await linkSent(pairs[1].menteeId, 'follow-up-0');
    expect((await report(cohortId)).kpis).toEqual(before.kpis);
    expect(await count('SELECT count(*) FROM participants WHERE cohort_id = $1', [cohortId])).toBe(3);

    const published = (await asCoordinator('post', `/reports/cohorts/${cohortId}/publish`).expect(201)).body;
    const [event] = await probe.expectExactly(ofType('cohort-report-published', { cohortId }), 1);
    expect(dataOf(event)).toMatchObject({ reportId: published.reportId, participants: 3, completed: 3, employedWithinSixMonthsShare: 0.33, stillUnemployedShare: 0.33 });
  });

  it('exports the programme report as CSV and as an SVG chart for coordinators only', async () => {
    const csv = await asCoordinator('get', '/reports/export.csv').expect(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.text.split('\n')[0]).toMatch(/^cohort_id,cohort_name,starts_on,participants,completed,completion_rate_pct,employed,employed_pct,/);
    expect(csv.text).toContain('All cohorts');
    const svg = await asCoordinator('get', '/reports/outcomes.svg').expect(200);
    expect(svg.headers['content-type']).toMatch(/image\/svg\+xml/);
    expect(String(svg.body ?? svg.text)).toContain('<title id="chart-title">');
    const programme = (await asCoordinator('get', '/reports').expect(200)).body;
    expect(programme.cohorts.length).toBeGreaterThanOrEqual(5);
    expect(programme.total.participants).toBe(programme.cohorts.reduce((sum: number, entry: { kpis: { participants: number } }) => sum + entry.kpis.participants, 0));
    await asCoordinator('get', `/reports?cohortIds=not-a-uuid`).expect(400);
    await asCoordinator('get', `/reports?cohortIds=${randomUUID()}`).expect(404);
    await http().get('/reports/export.csv').set('x-actor', 'mentee:m-1').expect(403);
  });

  it('publishes new survey versions for coordinators and refuses broken definitions', async () => {
    const published = await asCoordinator('post', '/surveys/mid-term/versions')
      .send({ title: 'Halfway (v2)', questions: [{ id: 'progress', type: 'likert', text: 'How is it going?', required: true }] })
      .expect(201);
    expect(published.body).toMatchObject({ slug: 'mid-term', version: 2, createdBy: COORDINATOR });
    const broken = await asCoordinator('post', '/surveys/follow-up/versions').send({ title: 'No status', questions: [{ id: 'comment', type: 'free-text', text: 'Hi?', required: false }] }).expect(422);
    expect(broken.body.problems).toContain('a follow-up survey must keep the standard "status" question');
    await asCoordinator('post', '/surveys/mid-term/versions').send({ title: 'x', questions: [{ id: 'q', type: 'stars', text: 'x', required: true }] }).expect(400);
    await asCoordinator('post', '/surveys/unknown/versions').send({ title: 'x', questions: [{ id: 'q', type: 'likert', text: 'x', required: true }] }).expect(400);
    const versions = (await asCoordinator('get', '/surveys/mid-term/versions').expect(200)).body;
    expect(versions.map((version: { version: number }) => version.version)).toEqual([1, 2]);
  });

  it('dead-letters a follow-up event that breaks its contract and writes nothing', async () => {
    const cohortId = await scheduleCohort('Dead-letter cohort');
    const pair = await pairIn(cohortId);
    await complete(pair);
    await linkSent(pair.menteeId, 'end-of-programme');
    const dlq = deadLetterTopic(service.groupId);
    await new TopicProvisioner(createKafka({ brokers: infra.kafkaBrokers, sasl: infra.kafkaSasl, clientId: 'evaluation-test-dlq' })).ensure([dlq]);
    const letters = await EventProbe.start([dlq]);
    try {
      const broken = { ...pair, monthsAfterCompletion: 4, completedOn: '2027-06-01', dueOn: '2027-10-01' } as unknown as FollowUpDueData;
      const id = await publish(FollowUpDue, pair.menteeId, broken);
      const [letter] = await letters.expectExactly((probed) => probed.event.id === id, 1, 0);
      expect(letter.topic).toBe(dlq);
      await followUp(pair, 0);
      await linkSent(pair.menteeId, 'follow-up-0');
      expect(await count(`SELECT count(*) FROM invitations WHERE cohort_id = $1 AND kind NOT IN ('end-of-programme', 'follow-up-0')`, [cohortId])).toBe(0);
    } finally {
      await letters.stop();
    }
  });

  it('rate-limits the public answer routes', async () => {
    const limited = await startEvaluation({ answerRateLimit: 3, consume: false });
    try {
      const token = 'y'.repeat(43);
      for (let i = 0; i < 3; i++) await request(hopSigning(limited.app, 'evaluation')).get(`/surveys/answer/${token}`).expect(404);
      const refused = await request(hopSigning(limited.app, 'evaluation')).get(`/surveys/answer/${token}`).expect(429);
      expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(refused.body.status).toBe(429);
    } finally {
      await limited.close();
    }
  });
});
