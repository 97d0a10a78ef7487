export type { CorrelationIds } from './correlation/correlation-ids';
export { correlationContext } from './correlation/correlation-context';
export {
  CORRELATION_ID_HEADER,
  REQUEST_ID_HEADER,
  adoptOrCreateId,
  correlationIdsOf,
  isValidCorrelationId,
} from './correlation/correlation-headers';
export { CorrelationIdMiddleware } from './correlation/correlation-id.middleware';

export { ConfigurationError, type ConfigurationIssue } from './config/configuration.error';
export { IsHostPort, IsListenAddress, IsPostgresUrl, splitList } from './config/env-validators';
export { loadConfig } from './config/load-config';
export { provideConfig } from './config/provide-config';
export { NODE_ENVS, type NodeEnv, ServiceConfig } from './config/service.config';

export { LOG_LEVELS, LoggingConfig, type LogLevel } from './logging/log-level';
export { LoggingModule, type LoggingOptions } from './logging/logging.module';
export { pinoHttpOptions } from './logging/pino-http.options';
export { MASK, SECRET_PATHS, SECRET_QUERY_PARAMETERS, maskSecretsInUrl } from './logging/secret-urls';

export {
  HTTP_REQUEST_DURATION_METRIC,
  type HttpRequestDurationLabel,
  UNMATCHED_ROUTE,
  httpRequestDuration,
} from './metrics/http-request-duration.metric';
export { HttpMetricsMiddleware } from './metrics/http-metrics.middleware';
export { type MetricConfig, getOrCreateCounter, getOrCreateGauge, getOrCreateHistogram } from './metrics/metric-factories';
export { MetricsController } from './metrics/metrics.controller';
export { MetricsModule } from './metrics/metrics.module';
export { collectDefaultNodeMetrics, metricsRegistry, setMetricsServiceLabel } from './metrics/metrics.registry';
export { RouteTemplateGuard } from './metrics/route-template.guard';

export { DatabaseReadinessCheck, type SqlQueryable } from './health/database.readiness-check';
export { HealthController } from './health/health.controller';
export { HEALTH_MODULE_OPTIONS, type HealthModuleOptions } from './health/health-module.options';
export { HealthModule } from './health/health.module';
export { type ReadinessCheck, type ReadinessCheckRef, isReadinessCheck } from './health/readiness-check';
export { ReadinessService } from './health/readiness.service';

export {
  type FieldError,
  PROBLEM_CONTENT_TYPE,
  type Problem,
  type ProblemDetails,
  type ProblemSource,
  isProblemSource,
} from './errors/problem';
export { PROBLEM_TYPE_BASE, ProblemTypes, problemType, problemTypeForStatus } from './errors/problem-types';
export { ProblemDetailsFilter } from './errors/problem-details.filter';
export { RequestValidationException } from './errors/request-validation.exception';
export { createValidationPipe, flattenValidationErrors } from './errors/validation-pipe.factory';

export { configureServiceApp, createServiceApp, type ServiceAppOptions, startServiceApp } from './bootstrap/create-service-app';
export { PLATFORM_MODULE_OPTIONS, type PlatformModuleOptions } from './bootstrap/platform-module.options';
export { PlatformModule } from './bootstrap/platform.module';
export { strictHttpAdapter } from './bootstrap/strict-http-adapter';

export type { HttpRequest, HttpResponse, NextFunction } from './http/http-message';
export { JSON_OBJECT_DETAIL, JSON_ONLY_DETAIL, jsonRequestBody } from './http/json-request-body';
export { type OpenApiSettings, setupOpenApi } from './openapi/setup-openapi';
export { keepReachableSchemas, replaceDanglingReferences } from './openapi/document-hygiene';
export { CLOCK, type Clock, serviceClock, systemClock } from './clock/clock';
export { movableClock } from './clock/movable-clock';

export {
  Access,
  type AccessRule,
  type AccessRules,
  CallerName,
  CurrentActor,
  CurrentCaller,
  ownParam,
  ownQuery,
  Public,
  Roles,
  RolesGuard,
  STAFF,
} from './hop/caller.decorators';
export { hopAuthentication, verifiedCallerOf } from './hop/hop-authentication.middleware';
export { parseHopPublicKeys, parseHopSigningKey } from './hop/hop-keys';
export { HopSigner } from './hop/hop-signer';
export {
  HOP_CLOCK_TOLERANCE_SECONDS,
  HOP_TOKEN_ALGORITHM,
  HOP_TOKEN_HEADER,
  HOP_TOKEN_ISSUER,
  HOP_TOKEN_TTL_SECONDS,
  type HopRequest,
} from './hop/hop-token';
export { IsHopPublicKeys, IsHopSigningKey } from './hop/hop-key.validators';
export { HopVerificationConfig } from './hop/hop-verification.config';
export { HopTokenRejected, HopVerifier, type ReceivedRequest } from './hop/hop-verifier';
