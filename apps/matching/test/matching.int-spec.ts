import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { CohortScheduled, MatchConfirmed, MentorProfile, MenteePlaced, MentorRegistered, MentorWithdrew } from '@cmp/contracts';
import { createKafka, TopicProvisioner } from '@cmp/messaging';
import { EventProbe, hopSigning, menteeProfile, mentorProfile as mentorProfileOf, testInfrastructure, TestEventPublisher, waitFor } from '@cmp/testing';
import { type MatchingTestApp, startMatching } from './matching-test-app';

const EMPLOYER = randomUUID();
const REFERRER = randomUUID();

const mentorProfile = (cohortId: string, overrides: Partial<MentorProfile> = {}) => mentorProfileOf(cohortId, { employerOrganisationId: EMPLOYER, ...overrides });

describe('matching service', () => {
  const infra = testInfrastructure();
  let service: MatchingTestApp;
  let app: MatchingTestApp['app'];
  let dataSource: DataSource;
  let publisher: TestEventPublisher;
  let probe: EventProbe;

  beforeAll(async () => {
    service = await startMatching();
    ({ app, dataSource } = service);
    const kafka = createKafka({ brokers: infra.kafkaBrokers, sasl: infra.kafkaSasl, clientId: 'matching-test' });
    await new TopicProvisioner(kafka).ensure(['cmp.enrolment.events', 'cmp.matching.events']);
    publisher = await TestEventPublisher.connect('matching-test');
    probe = await EventProbe.start(['cmp.matching.events']);
  });

  afterAll(async () => {
    await probe?.stop();
    await publisher?.disconnect();
    await service?.close();
  });

  const publish: TestEventPublisher['publish'] = (contract, key, data, options) => publisher.publish(contract, key, data, options);

  const http = () => request(hopSigning(app, 'matching', { as: 'coordinator:matching-test' }));
  const count = async (sql: string, values: unknown[] = []) => Number((await dataSource.query(sql, values))[0].count);

  async function runToCompletion(cohortId: string, body: object = {}) {
    const started = await http().post(`/cohorts/${cohortId}/runs`).send(body).expect(202);
    return waitFor(async () => (await http().get(`/runs/${started.body.runId}`).expect(200)).body, (run) => run.status !== 'running', {
      what: 'the run to finish',
    });
  }

  it('builds the read model from enrolment events, proposes an optimal draft and explains it', async () => {
    const cohortId = randomUUID();
    const [menteeA, menteeB, referred, monolingual]: string[] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const [senior, junior, sameEmployer] = [randomUUID(), randomUUID(), randomUUID()];
    await publish(CohortScheduled, cohortId, {
      cohortId,
      name: 'Spring 2027',
      startsOn: '2027-02-01',
      endsOn: '2027-06-01',
      applicationDeadline: '2027-01-15',
      capacity: 10,
      excludeMentorsFromReferringOrganisation: true,
    });
    await publish(MenteePlaced, menteeA, { menteeId: menteeA, cohortId, profile: menteeProfile() });
    await publish(MenteePlaced, menteeB, { menteeId: menteeB, cohortId, profile: menteeProfile({ targetOccupations: ['2141'], targetIndustries: ['C'] }) });
    await publish(MenteePlaced, referred, { menteeId: referred, cohortId, referringOrganisationId: REFERRER, profile: menteeProfile() });
    await publish(MenteePlaced, monolingual, { menteeId: monolingual, cohortId, profile: menteeProfile({ languages: [{ language: 'pt', level: 'C2' }, { language: 'en', level: 'A2' }] }) });
    await publish(MentorRegistered, senior, { mentorId: senior, profile: mentorProfile(cohortId, { capacity: 2 }) });
    await publish(MentorRegistered, junior, { mentorId: junior, profile: mentorProfile(cohortId, { occupation: '2141', industry: 'C', yearsOfExperience: 8 }) });
    await publish(MentorRegistered, sameEmployer, { mentorId: sameEmployer, profile: mentorProfile(cohortId, { employerOrganisationId: REFERRER, cohortIds: [] }) });
    await waitFor(() => count('SELECT count(*) FROM mentors WHERE id = ANY($1)', [[senior, junior, sameEmployer]]), (n) => n === 3, { what: 'the mentors in the read model' });
    await waitFor(() => count('SELECT count(*) FROM mentees WHERE cohort_id = $1', [cohortId]), (n) => n === 4, { what: 'the mentees in the read model' });

    const run = await runToCompletion(cohortId);
    expect(run.status).toBe('completed');
    const pairs = Object.fromEntries(run.proposals.map((proposal: { menteeId: string; mentorId: string }) => [proposal.menteeId, proposal.mentorId]));
    // Three mentees fit the two mentors' three places; the best total puts B with the engineer.
    expect(pairs).toEqual({ [menteeA]: senior, [menteeB]: junior, [referred]: senior });
    const explanation = run.proposals.find((proposal: { menteeId: string }) => proposal.menteeId === menteeA).explanation;
    expect(Object.keys(explanation).sort()).toEqual(['availability', 'experience', 'industry', 'languages', 'location', 'occupation', 'preferences', 'skills']);
    expect(explanation.occupation).toMatchObject({ value: 1, detail: expect.stringContaining('same unit group') });
    // Other tests' mentors share the topic, so count at least the three of this cohort.
    expect(run.unmatched).toEqual([{ menteeId: monolingual, reasons: expect.objectContaining({ 'no-shared-language-at-b2': expect.any(Number) }) }]);
    expect(run.unmatched[0].reasons['no-shared-language-at-b2']).toBeGreaterThanOrEqual(3);
    const proposed = await probe.expectExactly((probed) => probed.event.type === 'dk.cmp.matching.match-proposed.v1' && probed.event.data !== null && (probed.event.data as { runId?: string }).runId === run.id, 3);
    expect(proposed).toHaveLength(3);
    expect(probe.events((probed) => probed.event.type.endsWith('matching-run-completed.v1') && (probed.event.data as { runId: string }).runId === run.id)).toHaveLength(1);

    // Rejecting a pair forbids it and proposes the mentee again from what is left.
    const rejectedMatch = run.proposals.find((proposal: { menteeId: string }) => proposal.menteeId === menteeB);
    await http().post(`/matches/${rejectedMatch.id}/reject`).send({ reason: 'they worked together before' }).expect(200);
    const afterReject = (await http().get(`/cohorts/${cohortId}/matches?status=proposed`).expect(200)).body;
    expect(afterReject.find((match: { menteeId: string }) => match.menteeId === menteeB)).toBeUndefined(); // no mentor left for B
    await http().post(`/cohorts/${cohortId}/matches`).send({ menteeId: menteeB, mentorId: junior }).expect(422);
    const conflict = await http().post(`/cohorts/${cohortId}/matches`).send({ menteeId: referred, mentorId: sameEmployer }).expect(422);
    expect(conflict.body.reasons).toEqual(expect.arrayContaining(['conflict-of-interest', 'mentor-not-in-cohort']));

    // Confirm the rest: exactly one MatchConfirmed per pair.
    const confirmed = (await http().post(`/runs/${run.id}/confirm`).send({}).expect(200)).body;
    expect(confirmed.map((match: { menteeId: string }) => match.menteeId).sort()).toEqual([menteeA, referred].sort());
    const confirmations = await probe.expectExactly(
      (probed) => probed.event.type === MatchConfirmed.type && [menteeA, referred].includes((probed.event.data as { menteeId: string }).menteeId),
      2,
    );
    expect(confirmations).toHaveLength(2);
    await http().post(`/runs/${run.id}/confirm`).send({ matchIds: [confirmed[0].id] }).expect(409);

    // The senior mentor withdraws (delivered twice): both mentorships end once, and A and the
    // referred mentee are proposed the remaining mentor where the hard constraints allow.
    const withdrawalId = randomUUID();
    await publish(MentorWithdrew, senior, { mentorId: senior, reason: 'moving abroad' }, { id: withdrawalId });
    await publish(MentorWithdrew, senior, { mentorId: senior, reason: 'moving abroad' }, { id: withdrawalId });
    const ended = await probe.expectExactly(
      (probed) => probed.event.type === 'dk.cmp.matching.match-ended.v1' && (probed.event.data as { mentorId: string }).mentorId === senior,
      2,
    );
    expect(ended.map((probed) => (probed.event.data as { reason: string }).reason)).toEqual(['withdrawn', 'withdrawn']);
    const rematches = await probe.expectExactly(
      (probed) => probed.event.type === 'dk.cmp.matching.match-proposed.v1' && (probed.event.data as { origin: string; cohortId: string }).origin === 'rematch' && (probed.event.data as { cohortId: string }).cohortId === cohortId,
      1,
    );
    expect(rematches[0].event.data).toMatchObject({ mentorId: junior });
    expect(rematches[0].event.causationid).toBe(withdrawalId);
  });

  it('maximises the worst pair first in fairness mode', async () => {
    const cohortId = randomUUID();
    await publish(CohortScheduled, cohortId, {
      cohortId,
      name: 'Autumn 2027',
      startsOn: '2027-09-01',
      endsOn: '2028-01-01',
      applicationDeadline: '2027-08-15',
      capacity: 10,
      excludeMentorsFromReferringOrganisation: false,
    });
    const [developer, engineer] = [randomUUID(), randomUUID()];
    const [devMentor, versatile] = [randomUUID(), randomUUID()];
    await publish(MenteePlaced, developer, { menteeId: developer, cohortId, profile: menteeProfile() });
    await publish(MenteePlaced, engineer, { menteeId: engineer, cohortId, profile: menteeProfile({ targetOccupations: ['2141'], targetIndustries: ['C'], skills: [] }) });
    await publish(MentorRegistered, devMentor, { mentorId: devMentor, profile: mentorProfile(cohortId) });
    await publish(MentorRegistered, versatile, { mentorId: versatile, profile: mentorProfile(cohortId, { occupation: '2149', industry: 'C', expertise: [] }) });
    await waitFor(() => count('SELECT count(*) FROM mentors WHERE id = ANY($1)', [[devMentor, versatile]]), (n) => n === 2, { what: 'mentors' });
    await waitFor(() => count('SELECT count(*) FROM mentees WHERE cohort_id = $1', [cohortId]), (n) => n === 2, { what: 'mentees' });

    const fair = await runToCompletion(cohortId, { fairness: true });
    const plain = await runToCompletion(cohortId, { fairness: false });
    const worst = (run: { proposals: { score: number }[] }) => Math.min(...run.proposals.map((proposal) => proposal.score));
    const total = (run: { proposals: { score: number }[] }) => run.proposals.reduce((sum, proposal) => sum + proposal.score, 0);
    expect(worst(fair)).toBeGreaterThanOrEqual(worst(plain));
    expect(total(plain)).toBeGreaterThanOrEqual(total(fair) - 1e-9);
    expect(fair.proposals).toHaveLength(2);

    // A pair set by hand that breaks no hard constraint replaces the mentee's open proposal.
    const current = plain.proposals.find((proposal: { menteeId: string }) => proposal.menteeId === developer);
    const other = current.mentorId === devMentor ? versatile : devMentor;
    const swapped = plain.proposals.find((proposal: { menteeId: string }) => proposal.menteeId === engineer);
    await http().post(`/matches/${swapped.id}/reject`).send({ reason: 'the coordinator pairs them differently' }).expect(200);
    const manual = (await http().post(`/cohorts/${cohortId}/matches`).send({ menteeId: developer, mentorId: other }).expect(201)).body;
    expect(manual).toMatchObject({ origin: 'manual', status: 'proposed', menteeId: developer, mentorId: other });
    const open = (await http().get(`/cohorts/${cohortId}/matches?status=proposed`).expect(200)).body;
    expect(open.filter((match: { menteeId: string }) => match.menteeId === developer).map((match: { id: string }) => match.id)).toEqual([manual.id]);
    const superseded = (await http().get(`/cohorts/${cohortId}/matches?status=superseded`).expect(200)).body;
    expect(superseded.map((match: { id: string }) => match.id)).toContain(current.id);
  });

  it('refuses bad input with problem details and writes nothing', async () => {
    const before = await count('SELECT count(*) FROM runs');
    await http().post(`/cohorts/${randomUUID()}/runs`).send({ fairness: 'yes' }).expect(400);
    await http().post(`/cohorts/${randomUUID()}/runs`).send({}).expect(404);
    await http().post(`/matches/${randomUUID()}/reject`).send({}).expect(400);
    expect(await count('SELECT count(*) FROM runs')).toBe(before);
  });

  it('rebuilds the same read model when another instance replays the topics from the beginning', async () => {
    const cohortId = randomUUID();
    const [mentee, mentor] = [randomUUID(), randomUUID()];
    await publish(MenteePlaced, mentee, { menteeId: mentee, cohortId, profile: menteeProfile() });
    await publish(MentorRegistered, mentor, { mentorId: mentor, profile: mentorProfile(cohortId) });
    await publish(MentorWithdrew, mentor, { mentorId: mentor, reason: 'changed jobs' });
    const snapshot = (source: DataSource) =>
      Promise.all([
        source.query('SELECT id, cohort_id, profile, status FROM mentees WHERE id = $1', [mentee]),
        source.query('SELECT id, profile, status FROM mentors WHERE id = $1', [mentor]),
      ]);
    await waitFor(() => count(`SELECT count(*) FROM mentors WHERE id = $1 AND status = 'withdrawn'`, [mentor]), (n) => n === 1, { what: 'the withdrawal' });
    await waitFor(() => count('SELECT count(*) FROM mentees WHERE id = $1', [mentee]), (n) => n === 1, { what: 'the mentee' });

    const replay = await startMatching('matching_replay');
    try {
      const replayed = replay.dataSource;
      // Mentee and mentor are keyed differently, so they arrive on partitions read in parallel.
      await waitFor(
        async () =>
          Number(
            (
              await replayed.query(
                `SELECT (SELECT count(*) FROM mentors WHERE id = $1 AND status = 'withdrawn') + (SELECT count(*) FROM mentees WHERE id = $2) AS count`,
                [mentor, mentee],
              )
            )[0].count,
          ),
        (n) => n === 2,
        { what: 'the replay to reach the mentee and the withdrawal' },
      );
      expect(await snapshot(replayed)).toEqual(await snapshot(dataSource));
    } finally {
      await replay.close();
    }
  });
});
