import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsEmail, IsIn, IsInt, IsOptional, IsString, IsUrl, IsUUID, Length, Max, MaxLength, Min } from 'class-validator';
import { PARTNER_WEBHOOK_EVENT_TYPES, PartnerWebhookEventType } from '@cmp/contracts';
import { LANGUAGES } from '../domain/message';

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
