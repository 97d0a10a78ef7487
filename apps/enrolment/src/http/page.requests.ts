import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { Type } from 'class-transformer';

/** `?limit=&offset=` of every list route. */
export class PageQuery {
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) readonly limit: number = 50;
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) readonly offset: number = 0;
}

export class StatusQuery extends PageQuery {
  @IsOptional() @IsIn(['planned', 'open', 'matching', 'running', 'completed', 'issued', 'redeemed', 'revoked'])
  readonly status?: string;
}
