import { AclOperationTypes, AclResourceTypes, ResourcePatternTypes } from 'kafkajs';
import { serviceTopicAccess } from '@cmp/contracts';
import { serviceAcls } from './kafka-access';
import { kafkaSaslOf } from './kafka-client';

describe('a service’s Kafka access', () => {
  const acls = serviceAcls(serviceTopicAccess('matching'));
  const granted = (resourceType: AclResourceTypes, operation: AclOperationTypes) =>
    acls
      .filter((acl) => acl.resourceType === resourceType && acl.operation === operation)
      .map((acl) => `${acl.resourcePatternType === ResourcePatternTypes.PREFIXED ? 'prefix ' : ''}${acl.resourceName}`)
      .sort();

  it('writes only its own topics and its dead-letter topic, as its own principal', () => {
    expect(granted(AclResourceTypes.TOPIC, AclOperationTypes.WRITE)).toEqual(['matching.dlq', 'prefix cmp.matching.']);
    expect(new Set(acls.map((acl) => acl.principal))).toEqual(new Set(['User:cmp-matching']));
  });

  it('reads only the topics of the events it consumes, with its own group', () => {
    expect(granted(AclResourceTypes.TOPIC, AclOperationTypes.READ)).toEqual(['cmp.enrolment.events', 'cmp.scheduling.events']);
    expect(granted(AclResourceTypes.GROUP, AclOperationTypes.READ)).toEqual(['matching']);
  });

  it('gives the contacts topic to notifications only', () => {
    expect(serviceTopicAccess('notifications').consumedTopics).toContain('cmp.enrolment.contacts');
    for (const service of ['matching', 'scheduling', 'evaluation', 'gateway', 'enrolment']) {
      expect(serviceTopicAccess(service).consumedTopics).not.toContain('cmp.enrolment.contacts');
    }
  });
});

describe('kafkaSaslOf', () => {
  it('is absent without variables and refuses half a principal', () => {
    expect(kafkaSaslOf({})).toBeUndefined();
    expect(kafkaSaslOf({ KAFKA_SASL_MECHANISM: 'scram-sha-512', KAFKA_SASL_USERNAME: 'cmp-gateway', KAFKA_SASL_PASSWORD: 's' })).toEqual({
      mechanism: 'scram-sha-512',
      username: 'cmp-gateway',
      password: 's',
    });
    expect(() => kafkaSaslOf({ KAFKA_SASL_USERNAME: 'cmp-gateway' })).toThrow('must be set together');
  });
});
