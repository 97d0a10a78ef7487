/** Where a message is delivered. The inbox is the in-app list the gateway shows. */
export const CHANNELS = ['email', 'inbox'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Where a message row is: queued, delivered, given up on, not sent by the person's choice, or called off by an erasure. */
export const MESSAGE_STATUSES = ['pending', 'sent', 'failed', 'suppressed', 'cancelled'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

export const LANGUAGES = ['en', 'da'] as const;
export type Language = (typeof LANGUAGES)[number];

export const TEMPLATE_KEYS = [
  'application-received',
  'application-accepted',
  'application-waitlisted',
  'application-rejected',
  'mentee-placed',
  'mentee-withdrew',
  'mentor-welcome',
  'match-introduction',
  'session-confirmed',
  'session-rescheduled',
  'session-cancelled',
  'session-reminder',
  'mentorship-stalled-nudge',
  'mentorship-stalled-task',
  'survey-invitation',
  'survey-reminder',
  'programme-completed',
  'sign-in-link',
  'account-exists',
  'webhook-disabled',
] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];

/**
 * Who receives a message: a person from the contact directory, the coordinators' shared task
 * list, or a partner organisation (its inbox, and the subscription's contact address if given).
 */
export type Recipient =
  | { readonly kind: 'person'; readonly personId: string }
  | { readonly kind: 'coordinators' }
  | { readonly kind: 'partner'; readonly organisationId: string; readonly email?: string };

/** The key a recipient's inbox and delivery rows are filed under. */
export function recipientKey(recipient: Recipient): string {
  switch (recipient.kind) {
    case 'person':
      return `person:${recipient.personId}`;
    case 'coordinators':
      return 'coordinators';
    case 'partner':
      return `partner:${recipient.organisationId}`;
  }
}

/** A calendar entry to attach; the uid and sequence come from scheduling so updates replace it. */
export interface CalendarInvitation {
  readonly uid: string;
  readonly sequence: number;
  readonly method: 'REQUEST' | 'CANCEL';
  readonly startsAt: string;
  readonly endsAt: string;
  readonly location?: string;
  readonly url?: string;
}

export type TemplateModel = Readonly<Record<string, string | number | boolean | null>>;

/**
 * What a rule decides: which template goes to whom, over which channels. Rendering happens when
 * the message is delivered, with the recipient's contact record as it is then, so a contact
 * that arrives after the event (another topic, no ordering between them) is still found.
 */
export interface MessageIntent {
  readonly template: TemplateKey;
  readonly recipient: Recipient;
  readonly channels: readonly Channel[];
  /** Essential messages (application status, sign-in, session changes) ignore the opt-out. */
  readonly essential: boolean;
  readonly model: TemplateModel;
  /** Another person whose first name and email the message shows (`peer.*` in templates). */
  readonly peerId?: string;
  readonly calendar?: CalendarInvitation;
  /**
   * The body holds a secret for the recipient only (a sign-in link); it is wiped once sent,
   * so it never shows in a delivery log or a database dump.
   */
  readonly secret?: boolean;
}

/** The people a message is about: erasing any of them wipes its body. */
export function mentionedPeople(intent: MessageIntent): string[] {
  const people = intent.recipient.kind === 'person' ? [intent.recipient.personId] : [];
  if (intent.peerId) people.push(intent.peerId);
  for (const [name, value] of Object.entries(intent.model)) {
    if (/(menteeId|mentorId|personId)$/.test(name) && typeof value === 'string') people.push(value);
  }
  return [...new Set(people)];
}

/** "Ana Sousa" → "Ana": messages address people by first name. */
export function firstNameOf(name: string): string {
  const first = name.trim().split(/\s+/)[0];
  return first === undefined || first === '' ? name.trim() : first;
}
