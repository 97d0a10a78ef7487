import type { RouteDefinition } from '../domain/route-definition';
import { ENROLMENT_ROUTES } from './enrolment.routes';
import { EVALUATION_ROUTES } from './evaluation.routes';
import { GATEWAY_ROUTES } from './gateway.routes';
import { MATCHING_ROUTES } from './matching.routes';
import { NOTIFICATIONS_ROUTES } from './notifications.routes';
import { SCHEDULING_ROUTES } from './scheduling.routes';

/**
 * Every route of the public API (`/api/v1`). A service's routes are one file of data here
 * (`<service>.routes.ts`, spread in below); nothing else changes to publish a route. The
 * authorisation matrix test walks this table, so a route added without access rules cannot
 * slip through untested, and the OpenAPI document lists it with who may call it.
 */
export const ROUTE_TABLE: readonly RouteDefinition[] = [
  ...GATEWAY_ROUTES,
  ...ENROLMENT_ROUTES,
  ...MATCHING_ROUTES,
  ...SCHEDULING_ROUTES,
  ...NOTIFICATIONS_ROUTES,
  ...EVALUATION_ROUTES,
];
