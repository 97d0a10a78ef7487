import 'reflect-metadata';
import { connectEventConsumer } from '@cmp/messaging';
import { createServiceApp, loadConfig, startServiceApp } from '@cmp/platform';
import { GatewayConfig } from './gateway.config';
import { gatewayModuleSettings, gatewayPublicUrl } from './gateway-settings.factory';
import { GatewayModule } from './gateway.module';
import { configureGatewayApp } from './http/configure-gateway-app';
import { ServiceDocumentCatalogue } from './infrastructure/service-documents';

async function bootstrap(): Promise<void> {
  const config = loadConfig(GatewayConfig);
  const settings = gatewayModuleSettings(config);
  // Read once before listening (each service within its timeout), then kept fresh: a service
  // that is not up yet is asked again until its schemas are in the public document.
  const serviceDocuments = await ServiceDocumentCatalogue.create(settings.gateway.upstreams, settings.gateway.hopSigningKey);
  await serviceDocuments.refresh();
  serviceDocuments.keepFresh();
  const app = await createServiceApp(GatewayModule.forRoot(settings), {}, { authentication: 'edge', jsonBody: 'installed-by-caller' });
  configureGatewayApp(app, {
    corsOrigins: config.GATEWAY_CORS_ORIGINS,
    bodyLimit: config.GATEWAY_BODY_LIMIT,
    trustProxy: config.GATEWAY_TRUST_PROXY,
    serviceDocuments,
    publicUrl: gatewayPublicUrl(config),
  });
  connectEventConsumer(app);
  await startServiceApp(app, config.PORT, config.HOST);
}

bootstrap().catch((error) => {
  process.stderr.write(`gateway failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
