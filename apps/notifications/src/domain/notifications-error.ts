import { ServiceError } from '@cmp/kernel';

/** A refusal of the notifications service, described as problem details by the kernel's base class. */
export abstract class NotificationsError extends ServiceError {
  protected constructor(slug: string, status: number, title: string, message: string) {
    super('notifications', slug, status, title, message);
  }
}

export class NotFoundError extends NotificationsError {
  constructor(kind: string, id: string) {
    super('not-found', 404, 'Not found', `${kind} ${id} does not exist`);
  }
}

/** The actor is known but this inbox, preference or partner's data is not theirs. */
export class ForbiddenError extends NotificationsError {
  constructor(message: string) {
    super('forbidden', 403, 'Not allowed for this actor', message);
  }
}

export class WebhookUrlRefusedError extends NotificationsError {
  constructor(reason: string) {
    super('webhook-url-refused', 422, 'The webhook URL is not allowed', `webhook URL refused: ${reason}`);
  }
}

/** The step does not fit the current state (redelivering on a disabled subscription). */
export class StateConflictError extends NotificationsError {
  constructor(message: string) {
    super('conflict', 409, 'Not allowed in the current state', message);
  }
}
