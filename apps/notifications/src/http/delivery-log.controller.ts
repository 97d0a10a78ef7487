import { Controller, Get, Query } from '@nestjs/common';
import type { Actor } from '@cmp/kernel';
import { Access, CurrentActor, STAFF } from '@cmp/platform';
import { DeliveryLog } from '../application/messages/delivery-log';
import { requireStaff } from '../domain/actor-access';
import { DeliveryLogRequestQuery } from './messages.requests';
import { deliveryLogResponse } from './messages.responses';

/** The message delivery log, for coordinators and admins. */
@Access(STAFF)
@Controller('deliveries')
export class DeliveryLogController {
  constructor(private readonly log: DeliveryLog) {}

  @Get()
  async list(@CurrentActor() actor: Actor, @Query() query: DeliveryLogRequestQuery) {
    requireStaff(actor);
    return deliveryLogResponse(await this.log.list({ ...query, limit: query.limit ?? 50, offset: query.offset ?? 0 }));
  }
}
