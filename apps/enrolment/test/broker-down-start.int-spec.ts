import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { hopSigning, startLocalBroker, stopLocalBroker, testInfrastructure, waitFor } from '@cmp/testing';
import { EnrolmentTestApp, startEnrolment } from './enrolment-test-app';

const COORDINATOR = `coordinator:${randomUUID()}`;

/**
 * The broker is away when the service starts: it must start all the same, say it is ready (a
 * load balancer would otherwise drop it) with the broker degraded, accept a write, and publish
 * that write's event once the broker is back.
 */
describe('enrolment started while the broker is down', () => {
  let service: EnrolmentTestApp | undefined;
  let brokerStopped = false;

  beforeAll(async () => {
    if (testInfrastructure().mode !== 'local') throw new Error('this test stops the broker: it needs the locally started one (unset KAFKA_BROKERS)');
  });

  afterAll(async () => {
    await service?.close();
    if (brokerStopped) await startLocalBroker();
  });

  it('serves HTTP, reports the broker degraded, keeps the write in the outbox, and publishes it when the broker is back', async () => {
    await stopLocalBroker();
    brokerStopped = true;
    service = await startEnrolment();
    const { app, dataSource } = service;

    const ready = await request(app.getHttpServer()).get('/health/ready').expect(200);
    expect(ready.body.details.kafka).toMatchObject({ status: 'up', degraded: true });
    expect(ready.body.details.database).toEqual({ status: 'up' });

    const created = await request(hopSigning(app, 'enrolment'))
      .post('/organisations')
      .set('x-actor', COORDINATOR)
      .send({ name: `Broker-down ${randomUUID().slice(0, 6)}`, kind: 'company' })
      .expect(201);
    const waiting = async (): Promise<number> =>
      Number((await dataSource.query(`SELECT count(*) FROM outbox WHERE published_at IS NULL AND message_key = $1`, [created.body.id]))[0].count);
    expect(await waiting()).toBeGreaterThan(0);

    await startLocalBroker();
    brokerStopped = false;
    await waitFor(waiting, (count) => count === 0, { what: 'the event written while the broker was down to be published', timeoutMs: 90_000 });
    const recovered = await waitFor(
      async () => (await request(app.getHttpServer()).get('/health/ready')).body,
      (body: { details: { kafka: { degraded?: boolean } } }) => body.details.kafka.degraded === undefined,
      { what: 'the broker to be reported healthy again', timeoutMs: 30_000 },
    );
    expect(recovered.details.kafka).toEqual({ status: 'up' });
    // And its consumers, which could not connect at start, have joined their group meanwhile.
    await expect(Promise.race([service.consumer.whenJoined().then(() => 'joined'), new Promise((resolve) => setTimeout(resolve, 60_000, 'not joined'))])).resolves.toBe('joined');
  }, 240_000);
});
