import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { PARTNER_WEBHOOK_EVENT_TYPES } from '@cmp/contracts';
import { type Actor, callerName } from '@cmp/kernel';
import { Access, CurrentActor, ownParam } from '@cmp/platform';
import { WebhookSubscriptions } from '../application/webhooks/webhook-subscriptions';
import { requirePartner } from '../domain/actor-access';
import { CreateSubscriptionRequest, WebhookDeliveryQuery } from './webhooks.requests';
import { createdSubscriptionResponse, deliveryDetailResponse, deliveryResponse, subscriptionResponse } from './webhooks.responses';

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
  async create(@CurrentActor() actor: Actor, @Param('organisationId', ParseUUIDPipe) organisationId: string, @Body() body: CreateSubscriptionRequest) {
    requirePartner(actor, organisationId);
    return createdSubscriptionResponse(await this.subscriptions.create(callerName(actor), organisationId, body));
  }

  @Get('webhook-subscriptions')
  async list(@CurrentActor() actor: Actor, @Param('organisationId', ParseUUIDPipe) organisationId: string) {
    requirePartner(actor, organisationId);
    return (await this.subscriptions.list(organisationId)).map(subscriptionResponse);
  }

  @Get('webhook-subscriptions/:id')
  async get(@CurrentActor() actor: Actor, @Param('organisationId', ParseUUIDPipe) organisationId: string, @Param('id', ParseUUIDPipe) id: string) {
    requirePartner(actor, organisationId);
    return subscriptionResponse(await this.subscriptions.get(organisationId, id));
  }

  @Post('webhook-subscriptions/:id/enable')
  @HttpCode(200)
  async enable(@CurrentActor() actor: Actor, @Param('organisationId', ParseUUIDPipe) organisationId: string, @Param('id', ParseUUIDPipe) id: string) {
    requirePartner(actor, organisationId);
    return subscriptionResponse(await this.subscriptions.enable(callerName(actor), organisationId, id));
  }

  @Delete('webhook-subscriptions/:id')
  @HttpCode(204)
  async remove(@CurrentActor() actor: Actor, @Param('organisationId', ParseUUIDPipe) organisationId: string, @Param('id', ParseUUIDPipe) id: string) {
    requirePartner(actor, organisationId);
    await this.subscriptions.remove(callerName(actor), organisationId, id);
  }

  @Get('webhook-deliveries')
  async deliveries(@CurrentActor() actor: Actor, @Param('organisationId', ParseUUIDPipe) organisationId: string, @Query() query: WebhookDeliveryQuery) {
    requirePartner(actor, organisationId);
    return (await this.subscriptions.deliveryLog(organisationId, { ...query, limit: query.limit ?? 50 })).map(deliveryResponse);
  }

  @Get('webhook-deliveries/:id')
  async delivery(@CurrentActor() actor: Actor, @Param('organisationId', ParseUUIDPipe) organisationId: string, @Param('id', ParseUUIDPipe) id: string) {
    requirePartner(actor, organisationId);
    return deliveryDetailResponse(await this.subscriptions.delivery(organisationId, id));
  }

  /** Queues the same event again as a new delivery; 202 because it goes out with the next round. */
  @Post('webhook-deliveries/:id/redeliver')
  @HttpCode(202)
  async redeliver(@CurrentActor() actor: Actor, @Param('organisationId', ParseUUIDPipe) organisationId: string, @Param('id', ParseUUIDPipe) id: string) {
    requirePartner(actor, organisationId);
    return deliveryDetailResponse(await this.subscriptions.redeliver(callerName(actor), organisationId, id));
  }
}
