import type { ReadTransaction, Transaction } from '@cmp/kernel';
import { ReferralStatusChangedType } from '@cmp/contracts';
import { InMemoryUnitOfWork } from '@cmp/testing';
import { NotificationsError } from '../../domain/notifications-error';
import { STRICT_WEBHOOK_URL_POLICY } from '../../domain/webhook-url-policy';
import { ContactDirectoryRepository } from '../contacts/contact-directory.repository';
import type { NotificationSettings } from '../notification-settings';
import { WebhookDeliveryRepository } from './webhook-delivery.repository';
import { NewWebhookSubscription, WebhookSubscription, WebhookSubscriptionRepository } from './webhook-subscription.repository';
import { WebhookSubscriptions } from './webhook-subscriptions';

const notHere = (): never => {
  throw new Error('not part of this use case');
};

const ORGANISATION = '0f8fad5b-d9cb-469f-a165-70867728950e';
const UNKNOWN = '9a7b330a-a736-4d16-9ef5-6e62b4b1d7a1';
const now = new Date('2027-02-01T09:00:00Z');

class Subscriptions extends WebhookSubscriptionRepository {
  readonly added: (NewWebhookSubscription & { createdAt: Date })[] = [];
  async add(tx: Transaction, subscription: NewWebhookSubscription): Promise<void> {
    this.added.push({ ...subscription, createdAt: tx.now });
  }
  async find(_tx: ReadTransaction, organisationId: string, id: string): Promise<WebhookSubscription | null> {
    const found = this.added.find((row) => row.organisationId === organisationId && row.id === id);
    if (!found) return null;
    const { secret: _secret, eventTypes, ...rest } = found;
    return { ...rest, eventTypes: [...eventTypes], status: 'active', consecutiveFailures: 0, disabledReason: null, disabledAt: null };
  }
  list = notHere;
  activeIdsFor = notHere;
  enable = notHere;
  remove = notHere;
  resetFailures = notHere;
  countFailure = notHere;
  switchOff = notHere;
}

class KnownOrganisations extends ContactDirectoryRepository {
  async organisationExists(_tx: ReadTransaction, organisationId: string): Promise<boolean> {
    return organisationId === ORGANISATION;
  }
  saveContact = notHere;
  findContact = notHere;
  saveOrganisation = notHere;
  saveOutcomeSharingConsent = notHere;
  eraseFor = notHere;
}

class NoDeliveries extends WebhookDeliveryRepository {
  enqueue = notHere;
  list = notHere;
  find = notHere;
  attemptsOf = notHere;
  addRedelivery = notHere;
  claimDue = notHere;
  lease = notHere;
  lockUnderLease = notHere;
  recordAttempt = notHere;
  recordDelivered = notHere;
  recordFailedAttempt = notHere;
  failForDisabledSubscription = notHere;
  failPendingOfSubscription = notHere;
  eraseFor = notHere;
}

const settings: NotificationSettings = {
  mailFrom: { name: 'CMP', email: 'no-reply@cmp.test' },
  webhookUrlPolicy: STRICT_WEBHOOK_URL_POLICY,
  webhookDisableAfterFailures: 15,
  webhookLeaseMs: 40_000,
  mailLeaseMs: 60_000,
};

describe('WebhookSubscriptions.create', () => {
  const setUp = () => {
    const subscriptions = new Subscriptions();
    const useCase = new WebhookSubscriptions(new InMemoryUnitOfWork(() => now), subscriptions, new NoDeliveries(), new KnownOrganisations(), settings);
    return { subscriptions, useCase };
  };
  const problemOf = (error: unknown) => (error as NotificationsError).toProblem();

  it('subscribes once per event type and answers the signing secret with the subscription', async () => {
    const { subscriptions, useCase } = setUp();
    const created = await useCase.create('partner:x', ORGANISATION, {
      url: 'https://hooks.partner.example.com/cmp',
      eventTypes: [ReferralStatusChangedType, ReferralStatusChangedType],
    });
    expect(subscriptions.added).toHaveLength(1);
    expect(subscriptions.added[0]).toMatchObject({ eventTypes: [ReferralStatusChangedType], language: 'en', contactEmail: null, createdAt: now });
    expect(created.secret).toBe(subscriptions.added[0].secret);
    expect(created.subscription).toMatchObject({ id: subscriptions.added[0].id, status: 'active' });
  });

  it('refuses a URL the policy forbids before looking anything up', async () => {
    const { subscriptions, useCase } = setUp();
    const refused = await useCase.create('partner:x', UNKNOWN, { url: 'http://127.0.0.1/hook', eventTypes: [ReferralStatusChangedType] }).catch(problemOf);
    expect(refused).toMatchObject({ type: 'https://cmp.dk/problems/notifications/webhook-url-refused', status: 422 });
    expect(subscriptions.added).toEqual([]);
  });

  it('answers 404 for an organisation it has not heard of', async () => {
    const { subscriptions, useCase } = setUp();
    const refused = await useCase.create('partner:x', UNKNOWN, { url: 'https://hooks.partner.example.com/cmp', eventTypes: [ReferralStatusChangedType] }).catch(problemOf);
    expect(refused).toMatchObject({ type: 'https://cmp.dk/problems/notifications/not-found', status: 404, detail: `organisation ${UNKNOWN} does not exist` });
    expect(subscriptions.added).toEqual([]);
  });
});
