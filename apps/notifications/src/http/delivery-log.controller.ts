import { Controller, Get, Query } from '@nestjs/common';
import { DeliveryLog } from '../application/messages/delivery-log';
import { Actor, ActingAs, requireStaff } from './actor';
import { DeliveryLogQueryDto } from './notifications.requests';

/** The message delivery log, for coordinators and admins. */
@Controller('deliveries')
export class DeliveryLogController {
  constructor(private readonly log: DeliveryLog) {}

  @Get()
  list(@ActingAs() actor: Actor, @Query() query: DeliveryLogQueryDto) {
    requireStaff(actor);
    return this.log.list({ ...query, limit: query.limit ?? 50, offset: query.offset ?? 0 });
  }
}
