/** Refusals of the notifications API, described as problem details for the platform's filter. */
export class NotificationsError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly slug: string,
    private readonly title: string,
  ) {
    super(message);
  }

  toProblem() {
    return { type: `https://cmp.dk/problems/notifications/${this.slug}`, title: this.title, status: this.status, detail: this.message };
  }
}

export const notFound = (kind: string, id: string) => new NotificationsError(`${kind} ${id} does not exist`, 404, 'not-found', 'Not found');
export const forbidden = (message: string) => new NotificationsError(message, 403, 'forbidden', 'Not allowed for this actor');
export const refusedUrl = (reason: string) => new NotificationsError(`webhook URL refused: ${reason}`, 422, 'webhook-url-refused', 'The webhook URL is not allowed');
export const conflict = (message: string) => new NotificationsError(message, 409, 'conflict', 'Not allowed in the current state');
