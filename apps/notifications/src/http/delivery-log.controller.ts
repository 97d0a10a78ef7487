import { Controller, Get, Query } from '@nestjs/common';
import { DeliveryLog } from '../application/messages/delivery-log';
import type { Actor } from '@cmp/kernel';
import { Access, CurrentActor, STAFF } from '@cmp/platform';
import { requireStaff } from './actor';
import { DeliveryLogQueryDto } from './notifications.requests';

/** The message delivery log, for coordinators and admins. */
@Access(STAFF)
@Controller('deliveries')
export class DeliveryLogController {
  constructor(private readonly log: DeliveryLog) {}

  @Get()
  list(@CurrentActor() actor: Actor, @Query() query: DeliveryLogQueryDto) {
    requireStaff(actor);
    return this.log.list({ ...query, limit: query.limit ?? 50, offset: query.offset ?? 0 });
  }
}
