import { IsDateString, IsInt, IsString, IsUUID, Length, Min } from 'class-validator';
import { defineEvent } from '../envelope/event-contract';

/** A partner's webhook subscription failed too often and was switched off. */
export class WebhookSubscriptionDisabledData {
  @IsUUID() subscriptionId: string;
  @IsUUID() organisationId: string;
  @IsInt() @Min(1) consecutiveFailures: number;
  @IsString() @Length(1, 500) reason: string;
  @IsDateString() disabledAt: string;
}
export const WebhookSubscriptionDisabled = defineEvent(
  'dk.cmp.notifications.webhook-subscription-disabled.v1',
  WebhookSubscriptionDisabledData,
);
