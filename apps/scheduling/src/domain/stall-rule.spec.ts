import { nextStallCheck, stallVerdict } from './stall-rule';
import { followUpsAfter, programmeEndsAt } from './follow-up-schedule';
import { remindersFor } from './reminders';

describe('stall detection', () => {
  it('reports no kick-off when nothing was held by day 14', () => {
    expect(stallVerdict('2027-02-01', null, new Date('2027-02-14T12:00:00Z'))).toBeNull();
    expect(stallVerdict('2027-02-01', null, new Date('2027-02-15T00:30:00Z'))).toEqual({ reason: 'no-kick-off', daysWithoutSession: 14 });
  });

  it('reports inactivity after 21 days without a session held', () => {
    const held = new Date('2027-03-01T16:00:00Z');
    expect(stallVerdict('2027-02-01', held, new Date('2027-03-21T12:00:00Z'))).toBeNull();
    expect(stallVerdict('2027-02-01', held, new Date('2027-03-22T16:00:00Z'))).toEqual({ reason: 'inactive', daysWithoutSession: 21, lastSessionOn: '2027-03-01' });
  });

  it('looks next on day 14, then 21 days after the last session, then every 21 days', () => {
    const start = new Date('2027-02-01T09:00:00Z');
    expect(nextStallCheck('2027-02-01', null, start).toISOString()).toBe('2027-02-14T23:00:00.000Z');
    const held = new Date('2027-03-01T16:00:00Z');
    expect(nextStallCheck('2027-02-01', held, held).toISOString()).toBe('2027-03-22T16:00:00.000Z');
    const late = new Date('2027-04-01T00:00:00Z');
    expect(nextStallCheck('2027-02-01', held, late).toISOString()).toBe('2027-04-22T00:00:00.000Z');
  });
});

describe('follow-ups, programme end and reminders', () => {
  it('are due at completion, +3 and +6 months, at 09:00 in Copenhagen', () => {
    expect(followUpsAfter('2027-06-01').map((followUp) => [followUp.monthsAfterCompletion, followUp.dueOn, followUp.dueAt.toISOString()])).toEqual([
      [0, '2027-06-01', '2027-06-01T07:00:00.000Z'],
      [3, '2027-09-01', '2027-09-01T07:00:00.000Z'],
      [6, '2027-12-01', '2027-12-01T08:00:00.000Z'],
    ]);
  });

  it('ends the programme when its last day is over in Copenhagen', () => {
    expect(programmeEndsAt('2027-06-01').toISOString()).toBe('2027-06-01T22:00:00.000Z');
  });

  it('reminds 24 h and 1 h ahead, skipping a reminder whose moment has passed', () => {
    const startsAt = new Date('2027-03-02T16:00:00Z');
    expect(remindersFor(startsAt, new Date('2027-03-01T08:00:00Z'))).toEqual([
      { leadTime: '24h', dueAt: new Date('2027-03-01T16:00:00Z') },
      { leadTime: '1h', dueAt: new Date('2027-03-02T15:00:00Z') },
    ]);
    expect(remindersFor(startsAt, new Date('2027-03-02T08:00:00Z')).map((reminder) => reminder.leadTime)).toEqual(['1h']);
  });
});
