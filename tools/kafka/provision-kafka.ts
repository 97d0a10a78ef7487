import { loadedEventContracts, serviceTopicAccess, SERVICES_WITH_TOPIC_ACCESS, systemTopics } from '@cmp/contracts';
import { createKafka, DEFAULT_COMPACTION_BOUNDS, DEFAULT_TOPIC_SETTINGS, kafkaSaslOf, provisionKafka, TopicProvisioner } from '@cmp/messaging';

/**
 * Run as the broker's admin once it is up (tools/start.sh, the tests' global set-up, the system
 * under test): creates every topic and grants each service principal its ACLs.
 *
 *   KAFKA_BROKERS, KAFKA_SASL_MECHANISM/USERNAME/PASSWORD (the admin)
 *   CMP_COMPACTION_MAX_LAG_HOURS  how long an erased person's contact record may stay (default 6)
 */
function hoursFrom(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const hours = Number(raw);
  if (!Number.isFinite(hours) || hours <= 0 || hours > 24 * 7) throw new Error(`${name} must be a number of hours between 0 and 168, got '${raw}'`);
  return hours;
}

async function main(): Promise<void> {
  const brokers = (process.env.KAFKA_BROKERS ?? '').split(',').map((broker) => broker.trim()).filter(Boolean);
  if (brokers.length === 0) throw new Error('KAFKA_BROKERS is required');
  const sasl = kafkaSaslOf(process.env);
  if (!sasl) throw new Error('KAFKA_SASL_MECHANISM, KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD (the admin) are required');
  const lagMs = Math.round(hoursFrom('CMP_COMPACTION_MAX_LAG_HOURS', 6) * 3_600_000);
  const topicSettings = { ...DEFAULT_TOPIC_SETTINGS, compaction: { ...DEFAULT_COMPACTION_BOUNDS, maxCompactionLagMs: lagMs, segmentMs: lagMs } };

  const kafka = createKafka({ brokers, sasl, clientId: 'cmp-provisioning' });
  const admin = kafka.admin();
  const provisioner = new TopicProvisioner(kafka, topicSettings);
  await admin.connect();
  try {
    const topics = systemTopics(loadedEventContracts());
    await provisionKafka(admin, provisioner, { topics, services: SERVICES_WITH_TOPIC_ACCESS.map(serviceTopicAccess), topicSettings });
    process.stdout.write(`kafka: provisioned ${topics.length} topics and the ACLs of ${SERVICES_WITH_TOPIC_ACCESS.join(', ')}\n`);
  } finally {
    await provisioner.close();
    await admin.disconnect();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`kafka: provisioning failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
