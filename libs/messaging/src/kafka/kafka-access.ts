import { AclOperationTypes, AclPermissionTypes, AclResourceTypes, Admin, ConfigResourceTypes, ResourcePatternTypes } from 'kafkajs';
import { ServiceTopicAccess } from '@cmp/contracts';
import { TopicProvisioner, TopicSettings, DEFAULT_TOPIC_SETTINGS, topicConfigEntries } from './topic-provisioner';

/** The Kafka principal of a service, as infra/kafka creates its SCRAM credentials. */
export function servicePrincipal(service: string): string {
  return `cmp-${service}`;
}

type AclEntry = Parameters<Admin['createAcls']>[0]['acl'][number];

function allow(
  principal: string,
  resourceType: AclResourceTypes,
  resourceName: string,
  resourcePatternType: ResourcePatternTypes,
  operations: readonly AclOperationTypes[],
): AclEntry[] {
  return operations.map((operation) => ({
    principal: `User:${principal}`,
    host: '*',
    resourceType,
    resourceName,
    resourcePatternType,
    operation,
    permissionType: AclPermissionTypes.ALLOW,
  }));
}

/**
 * The ACLs of one service: create, describe and write its own topics and its dead-letter topic
 * (the idempotent producer needs nothing more since Kafka 3.0), describe and read the topics it
 * consumes, and read with its own consumer group. Nothing else: the broker denies what no ACL
 * allows (`allow.everyone.if.no.acl.found=false`).
 */
export function serviceAcls(access: ServiceTopicAccess, principal = servicePrincipal(access.service)): AclEntry[] {
  const { CREATE, DESCRIBE, WRITE, READ } = AclOperationTypes;
  return [
    ...allow(principal, AclResourceTypes.TOPIC, access.ownTopicPrefix, ResourcePatternTypes.PREFIXED, [CREATE, DESCRIBE, WRITE]),
    ...allow(principal, AclResourceTypes.TOPIC, access.deadLetterTopic, ResourcePatternTypes.LITERAL, [CREATE, DESCRIBE, WRITE]),
    ...access.consumedTopics.flatMap((topic) => allow(principal, AclResourceTypes.TOPIC, topic, ResourcePatternTypes.LITERAL, [DESCRIBE, READ])),
    ...allow(principal, AclResourceTypes.GROUP, access.consumerGroup, ResourcePatternTypes.LITERAL, [READ]),
  ];
}

export interface KafkaProvisioning {
  /** Every topic of the system (see `systemTopics` in libs/contracts). */
  readonly topics: readonly string[];
  readonly services: readonly ServiceTopicAccess[];
  readonly topicSettings?: TopicSettings;
}

/**
 * What the admin does once a broker is up, before any service starts: creates every topic with
 * its settings (retention and compaction bounds re-applied to topics that exist already) and grants each
 * service its ACLs. Idempotent, so every start may run it.
 */
export async function provisionKafka(admin: Admin, provisioner: TopicProvisioner, plan: KafkaProvisioning): Promise<void> {
  const settings = plan.topicSettings ?? DEFAULT_TOPIC_SETTINGS;
  await provisioner.ensure(plan.topics);
  // Re-applied to topics made before a setting existed (retention, compaction bounds): the inbox's
  // retention is derived from these figures, so they must be what the broker actually applies.
  if (plan.topics.length > 0) {
    await admin.alterConfigs({
      validateOnly: false,
      resources: plan.topics.map((topic) => ({ type: ConfigResourceTypes.TOPIC, name: topic, configEntries: topicConfigEntries(topic, settings) })),
    });
  }
  const acl = plan.services.flatMap((access) => serviceAcls(access));
  if (acl.length > 0) await admin.createAcls({ acl });
}
