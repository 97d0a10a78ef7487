import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { CHANNELS, MESSAGE_STATUSES, MessageStatus, TEMPLATE_KEYS } from '../domain/message';

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class PageQuery {
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) readonly limit?: number;
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) readonly offset?: number;
}

export class InboxQuery extends PageQuery {
  @IsOptional() @Transform(toBoolean) @IsBoolean() readonly unreadOnly?: boolean;
}

export class DeliveryLogRequestQuery extends PageQuery {
  @IsOptional() @IsUUID() readonly personId?: string;
  @IsOptional() @IsIn(MESSAGE_STATUSES) readonly status?: MessageStatus;
  @IsOptional() @IsIn(CHANNELS) readonly channel?: 'email' | 'inbox';
  @IsOptional() @IsIn(TEMPLATE_KEYS) readonly template?: string;
}
