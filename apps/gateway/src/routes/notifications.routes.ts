import { anyone, ownParam, RouteDefinition } from '../domain/route-definition';

/**
 * The caller's own inbox: notifications picks it from `x-actor` (a person's, the partner
 * organisation's, or the coordinators' shared task inbox), so there is no id to check here.
 */
const ownInbox = { admin: anyone, coordinator: anyone, mentor: anyone, mentee: anyone, partner: anyone };
/** Only the person themself: notifications refuses staff too. */
const personOnly = { mentee: ownParam('id'), mentor: ownParam('id') };
/** A partner's own organisation; admins for support, as notifications allows (coordinators it refuses). */
const ownOrganisation = { admin: anyone, partner: ownParam('organisationId') };

/** Notifications (`NOTIFICATIONS_URL`): inbox, message preferences, delivery log, partner webhooks. */
export const NOTIFICATIONS_ROUTES: readonly RouteDefinition[] = [
  { method: 'GET', path: '/inbox', service: 'notifications', summary: 'Your inbox (`unreadOnly`, `limit`, `offset`)', access: ownInbox },
  { method: 'GET', path: '/inbox/unread-count', service: 'notifications', summary: 'How many inbox messages are unread', access: ownInbox },
  { method: 'POST', path: '/inbox/read-all', service: 'notifications', summary: 'Mark every inbox message read', access: ownInbox },
  { method: 'POST', path: '/inbox/:id/read', service: 'notifications', summary: 'Mark one inbox message read (404 if not in your inbox)', access: ownInbox },

  { method: 'GET', path: '/people/:id/preferences', service: 'notifications', summary: 'Your message preferences', access: personOnly },
  { method: 'PUT', path: '/people/:id/preferences', service: 'notifications', summary: 'Opt in or out of non-essential messages', access: personOnly },

  { method: 'GET', path: '/deliveries', service: 'notifications', summary: 'Message delivery log (metadata only)', access: { admin: anyone, coordinator: anyone } },

  {
    method: 'GET',
    path: '/partners/:organisationId/webhook-event-types',
    service: 'notifications',
    summary: 'The event types a webhook may subscribe to',
    access: ownOrganisation,
  },
  {
    method: 'POST',
    path: '/partners/:organisationId/webhook-subscriptions',
    service: 'notifications',
    summary: 'Subscribe a URL to events (the signing secret is shown once)',
    access: ownOrganisation,
  },
  { method: 'GET', path: '/partners/:organisationId/webhook-subscriptions', service: 'notifications', summary: "The organisation's webhook subscriptions", access: ownOrganisation },
  { method: 'GET', path: '/partners/:organisationId/webhook-subscriptions/:id', service: 'notifications', summary: 'One webhook subscription', access: ownOrganisation },
  {
    method: 'POST',
    path: '/partners/:organisationId/webhook-subscriptions/:id/enable',
    service: 'notifications',
    summary: 'Enable a subscription again after it was disabled for failures',
    access: ownOrganisation,
  },
  { method: 'DELETE', path: '/partners/:organisationId/webhook-subscriptions/:id', service: 'notifications', summary: 'Delete a webhook subscription', access: ownOrganisation },
  {
    method: 'GET',
    path: '/partners/:organisationId/webhook-deliveries',
    service: 'notifications',
    summary: 'Webhook deliveries (`subscriptionId`, `status`, `limit`)',
    access: ownOrganisation,
  },
  { method: 'GET', path: '/partners/:organisationId/webhook-deliveries/:id', service: 'notifications', summary: 'One webhook delivery with its attempts', access: ownOrganisation },
  {
    method: 'POST',
    path: '/partners/:organisationId/webhook-deliveries/:id/redeliver',
    service: 'notifications',
    summary: 'Send a delivery again (202; goes out with the next round)',
    access: ownOrganisation,
  },
];
