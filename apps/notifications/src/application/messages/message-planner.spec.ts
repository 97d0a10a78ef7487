import type { ReadTransaction, Transaction } from '@cmp/kernel';
import { InMemoryUnitOfWork } from '@cmp/testing';
import type { MessageIntent } from '../../domain/message';
import { PreferenceRepository } from '../contacts/preference.repository';
import { MessagePlanner } from './message-planner';
import { MessageRepository, PlannedMessage } from './message.repository';

const notHere = (): never => {
  throw new Error('the planner only adds messages');
};

/** The planner's side of the messages table: rows kept in a list, unique like messages_once. */
class PlannedMessages extends MessageRepository {
  readonly rows: PlannedMessage[] = [];
  async addPlanned(_tx: Transaction, message: PlannedMessage): Promise<boolean> {
    const key = (row: PlannedMessage) => `${row.eventId}|${row.recipientKey}|${row.channel}`;
    if (this.rows.some((row) => key(row) === key(message))) return false;
    this.rows.push(message);
    return true;
  }
  inboxPage = notHere;
  countUnread = notHere;
  findInboxMessage = notHere;
  markRead = notHere;
  markAllRead = notHere;
  deliveryLog = notHere;
  claimDue = notHere;
  lockUnderLease = notHere;
  recordSent = notHere;
  recordFailedAttempt = notHere;
  eraseFor = notHere;
}

class ChosenPreferences extends PreferenceRepository {
  constructor(private readonly choices: Record<string, boolean>) {
    super();
  }
  async wantsNonEssential(_tx: ReadTransaction, personId: string): Promise<boolean | null> {
    return this.choices[personId] ?? null;
  }
  save = notHere;
  eraseFor = notHere;
}

const OPTED_OUT = '3b241101-e2bb-4255-8caf-4136c566a962';
const NEVER_CHOSE = '9a7b330a-a736-4d16-9ef5-6e62b4b1d7a1';
const ORGANISATION = '0f8fad5b-d9cb-469f-a165-70867728950e';
const now = new Date('2027-02-01T09:00:00Z');

const reminder = (personId: string): MessageIntent => ({
  template: 'session-reminder',
  recipient: { kind: 'person', personId },
  channels: ['email', 'inbox'],
  essential: false,
  model: {},
});

describe('MessagePlanner', () => {
  const plan = async (intents: MessageIntent[], eventId = 'event-1') => {
    const messages = new PlannedMessages();
    const uow = new InMemoryUnitOfWork(() => now);
    const planner = new MessagePlanner(messages, new ChosenPreferences({ [OPTED_OUT]: false }));
    const planned = await uow.run('system:test', (tx) => planner.plan(tx, eventId, 'dk.cmp.scheduling.session-reminder-due.v1', intents));
    return { planned, rows: messages.rows };
  };

  it('records non-essential messages to a person who opted out as suppressed, so the log says why nothing went', async () => {
    const { planned, rows } = await plan([reminder(OPTED_OUT), reminder(NEVER_CHOSE)]);
    expect(planned).toBe(4);
    expect(rows.map((row) => [row.personId, row.channel, row.status])).toEqual([
      [OPTED_OUT, 'email', 'suppressed'],
      [OPTED_OUT, 'inbox', 'suppressed'],
      [NEVER_CHOSE, 'email', 'pending'],
      [NEVER_CHOSE, 'inbox', 'pending'],
    ]);
    expect(rows.every((row) => row.plannedAt === now)).toBe(true);
  });

  it('sends essential messages whatever the person chose', async () => {
    const { rows } = await plan([{ ...reminder(OPTED_OUT), template: 'sign-in-link', essential: true, channels: ['email'] }]);
    expect(rows.map((row) => row.status)).toEqual(['pending']);
  });

  it('skips email to a partner without an address and keeps its inbox message', async () => {
    const { rows } = await plan([{ template: 'webhook-disabled', recipient: { kind: 'partner', organisationId: ORGANISATION }, channels: ['inbox', 'email'], essential: true, model: {} }]);
    expect(rows.map((row) => [row.recipientKey, row.channel, row.toAddress])).toEqual([[`partner:${ORGANISATION}`, 'inbox', null]]);
  });
});
