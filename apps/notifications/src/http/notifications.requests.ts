import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsEmail, IsIn, IsInt, IsOptional, IsString, IsUrl, IsUUID, Length, Max, MaxLength, Min } from 'class-validator';
import { PARTNER_WEBHOOK_EVENT_TYPES, PartnerWebhookEventType } from '@cmp/contracts';
import { CHANNELS, LANGUAGES, TEMPLATE_KEYS } from '../domain/message';

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class PageQuery {
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) readonly limit?: number;
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) readonly offset?: number;
}

export class InboxQuery extends PageQuery {
  @IsOptional() @Transform(toBoolean) @IsBoolean() readonly unreadOnly?: boolean;
}

export class DeliveryLogQueryDto extends PageQuery {
  @IsOptional() @IsUUID() readonly personId?: string;
  @IsOptional() @IsIn(['pending', 'sent', 'failed', 'suppressed', 'cancelled']) readonly status?: 'pending' | 'sent' | 'failed' | 'suppressed' | 'cancelled';
  @IsOptional() @IsIn(CHANNELS) readonly channel?: 'email' | 'inbox';
  @IsOptional() @IsIn(TEMPLATE_KEYS) readonly template?: string;
}

export class PreferencesRequest {
  /** Receive non-essential messages (reminders, nudges, surveys); essential ones always go. */
  @IsBoolean() readonly nonEssential: boolean;
}

export class CreateSubscriptionRequest {
  @IsString()
  @MaxLength(2000)
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true, require_tld: false })
  readonly url: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(PARTNER_WEBHOOK_EVENT_TYPES.length)
  @IsIn(PARTNER_WEBHOOK_EVENT_TYPES, { each: true })
  readonly eventTypes: PartnerWebhookEventType[];

  @IsOptional()
  @IsEmail()
  readonly contactEmail?: string;

  @IsOptional() @IsIn(LANGUAGES) readonly language?: 'en' | 'da';
  @IsOptional() @IsString() @Length(1, 200) readonly description?: string;
}

export class WebhookDeliveryQuery {
  @IsOptional() @IsUUID() readonly subscriptionId?: string;
  @IsOptional() @IsIn(['pending', 'delivered', 'failed']) readonly status?: 'pending' | 'delivered' | 'failed';
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) readonly limit?: number;
}
