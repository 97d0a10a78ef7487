import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { PARTNER_WEBHOOK_EVENT_TYPES } from '@cmp/contracts';
import { WebhookSubscriptions } from '../application/webhooks/webhook-subscriptions';
import type { Actor } from '@cmp/kernel';
import { Access, CurrentActor, ownParam } from '@cmp/platform';
import { requirePartner } from './actor';
import { CreateSubscriptionRequest, WebhookDeliveryQuery } from './notifications.requests';

/** A partner organisation's webhook subscriptions and delivery log; only its own. */
/** An organisation's own partner users, and admins (`requirePartner` checks again). */
@Access({ admin: 'any', partner: ownParam('organisationId') })
@Controller('partners/:organisationId')
export class PartnerWebhooksController {
  constructor(private readonly subscriptions: WebhookSubscriptions) {}

  @Get('webhook-event-types')
  eventTypes(@CurrentActor() actor: Actor, @Param('organisationId', ParseUUIDPipe) organisationId: string) {
    requirePartner(actor, organisationId);
    return PARTNER_WEBHOOK_EVENT_TYPES;
  }

  /** 201 with the signing secret, which is never shown again. */
  @Post('webhook-subscriptions')
  create(@CurrentActor() actor: Actor, @Param('organisationId', ParseUUIDPipe) organisationId: string, @Body() body: CreateSubscriptionRequest) {
    requirePartner(actor, organisationId);
    return this.subscriptions.create(organisationId, body);
  }

  @Get('webhook-subscriptions')
  list(@CurrentActor() actor: Actor, @Param('organisationId', ParseUUIDPipe) organisationId: string) {
    requirePartner(actor, organisationId);
    return this.subscriptions.list(organisationId);
  }

  @Get('webhook-subscriptions/:id')
  get(@CurrentActor() actor: Actor, @Param('organisationId', ParseUUIDPipe) organisationId: string, @Param('id', ParseUUIDPipe) id: string) {
    requirePartner(actor, organisationId);
    return this.subscriptions.get(organisationId, id);
  }

  @Post('webhook-subscriptions/:id/enable')
  @HttpCode(200)
  enable(@CurrentActor() actor: Actor, @Param('organisationId', ParseUUIDPipe) organisationId: string, @Param('id', ParseUUIDPipe) id: string) {
    requirePartner(actor, organisationId);
    return this.subscriptions.enable(organisationId, id);
  }

  @Delete('webhook-subscriptions/:id')
  @HttpCode(204)
  async remove(@CurrentActor() actor: Actor, @Param('organisationId', ParseUUIDPipe) organisationId: string, @Param('id', ParseUUIDPipe) id: string) {
    requirePartner(actor, organisationId);
    await this.subscriptions.remove(organisationId, id);
  }

  @Get('webhook-deliveries')
  deliveries(@CurrentActor() actor: Actor, @Param('organisationId', ParseUUIDPipe) organisationId: string, @Query() query: WebhookDeliveryQuery) {
    requirePartner(actor, organisationId);
    return this.subscriptions.deliveries(organisationId, { ...query, limit: query.limit ?? 50 });
  }

  @Get('webhook-deliveries/:id')
  delivery(@CurrentActor() actor: Actor, @Param('organisationId', ParseUUIDPipe) organisationId: string, @Param('id', ParseUUIDPipe) id: string) {
    requirePartner(actor, organisationId);
    return this.subscriptions.delivery(organisationId, id);
  }

  /** Queues the same event again as a new delivery; 202 because it goes out with the next round. */
  @Post('webhook-deliveries/:id/redeliver')
  @HttpCode(202)
  redeliver(@CurrentActor() actor: Actor, @Param('organisationId', ParseUUIDPipe) organisationId: string, @Param('id', ParseUUIDPipe) id: string) {
    requirePartner(actor, organisationId);
    return this.subscriptions.redeliver(organisationId, id);
  }
}
