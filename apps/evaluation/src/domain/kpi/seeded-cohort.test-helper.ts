import { KpiInput, ParticipantFacts } from './cohort-kpis';
import { OutcomeStatement } from './six-month-status';

const COMPLETED_ON = '2027-06-01';

function participant(index: number, statements: OutcomeStatement[]): ParticipantFacts {
  return { key: `p-${String(index).padStart(2, '0')}`, completedOn: COMPLETED_ON, statements };
}

/**
 * The reference cohort: 28 participants who all completed on 2027-06-01, whose follow-ups make
 * the report read 57 % employed within six months (16/28) and 21 % still unemployed (6/28),
 * like the reference programme's evaluation. One of the six "unemployed" found a job in month 8:
 * it does not count, because the status is derived from dates.
 */
export function seededCohortOf28(): KpiInput {
  const participants: ParticipantFacts[] = [];
  let index = 0;
  // 14 employed, answered at the +3 or +6 follow-up with a start date inside the window.
  for (let i = 0; i < 14; i++) {
    participants.push(
      participant(index++, [
        { status: 'unemployed', reportedOn: '2027-06-03' },
        { status: 'employed', startedOn: i < 7 ? '2027-08-15' : '2027-11-20', reportedOn: i < 7 ? '2027-09-05' : '2027-12-04' },
      ]),
    );
  }
  // One found the job during the programme, one answered only the +6 follow-up a week late.
  participants.push(participant(index++, [{ status: 'employed', startedOn: '2027-05-01', reportedOn: '2027-06-02' }]));
  participants.push(participant(index++, [{ status: 'employed', startedOn: '2027-11-30', reportedOn: '2027-12-08' }]));
  // 2 internships, 2 own companies.
  for (const status of ['internship', 'internship', 'own-company', 'own-company'] as const) {
    participants.push(participant(index++, [{ status, startedOn: '2027-09-01', reportedOn: '2027-09-04' }]));
  }
  // 5 unemployed at every follow-up, and one whose job started in month 8.
  for (let i = 0; i < 5; i++) {
    participants.push(
      participant(index++, [
        { status: 'unemployed', reportedOn: '2027-09-03' },
        { status: 'unemployed', reportedOn: '2027-12-03' },
      ]),
    );
  }
  participants.push(
    participant(index++, [
      { status: 'unemployed', reportedOn: '2027-09-03' },
      { status: 'employed', startedOn: '2028-02-01', reportedOn: '2028-02-10' },
    ]),
  );
  // 1 left Denmark, 1 never answered (two expired follow-ups).
  participants.push(participant(index++, [{ status: 'left-denmark', reportedOn: '2027-09-02' }]));
  participants.push(
    participant(index++, [
      { status: 'no-answer', reportedOn: '2027-07-01' },
      { status: 'no-answer', reportedOn: '2027-10-01' },
    ]),
  );
  return {
    participants,
    pairs: participants.map((_, i) => ({ sessionsHeld: 6 + (i % 5) })),
    scores: { menteeSatisfaction: [5, 4, 4, 3], mentorSatisfaction: [5, 5, 4], recommendation: [10, 9, 9, 8, 7, 6] },
    mentors: { mentors: ['m1', 'm2', 'm3', 'm4'], nextCohortMentors: ['m2', 'm4', 'm9'] },
  };
}
