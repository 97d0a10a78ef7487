import { type INestApplication, Logger } from '@nestjs/common';
import request from 'supertest';
import { correlationContext } from '../correlation/correlation-context';
import { LogCollector, PROBE_SERVICE_NAME, createProbeApp } from '../test-support/probe-app.fixture';

describe('LoggingModule', () => {
  let app: INestApplication;
  let logs: LogCollector;

  beforeEach(async () => {
    logs = new LogCollector();
    app = await createProbeApp({ logLevel: 'info', logDestination: logs });
    logs.lines.length = 0;
  });

  afterEach(async () => {
    await app.close();
  });

  it('logs each request as one JSON line with the service, the ids and the outcome', async () => {
    await request(app.getHttpServer())
      .get('/probe/entries/7')
      .set('x-correlation-id', 'journey-1')
      .set('x-request-id', 'req-1')
      .set('authorization', 'Bearer secret-token')
      .expect(200);

    const completed = logs.lines.find((line) => line['msg'] === 'request completed');
    expect(completed).toMatchObject({
      level: 'info',
      service: PROBE_SERVICE_NAME,
      correlationId: 'journey-1',
      requestId: 'req-1',
      req: { id: 'req-1', method: 'GET', url: '/probe/entries/7' },
      res: { statusCode: 200 },
    });
    expect(typeof completed?.['time']).toBe('string');
    expect(JSON.stringify(logs.lines)).not.toContain('secret-token');
  });

  it('masks the secret of a survey link in the URL, the route parameters, the query and the problem', async () => {
    const token = 'Zk9yYW5kb20tc3VydmV5LXRva2VuLTAxMjM0NTY3';
    await request(app.getHttpServer()).get(`/surveys/answer/${token}?lang=da&token=${token}`).expect(200);
    const expired = await request(app.getHttpServer()).get('/surveys/answer/expired-token-0123456789').expect(404);

    const completed = logs.lines.filter((line) => line['msg'] === 'request completed');
    expect(completed[0]).toMatchObject({ req: { url: '/surveys/answer/[redacted]?lang=da&token=[redacted]', query: { lang: 'da', token: '[redacted]' } } });
    expect(completed[1]).toMatchObject({ req: { url: '/surveys/answer/[redacted]' } });
    expect(expired.body.instance).toBe('/surveys/answer/[redacted]');
    expect(JSON.stringify(logs.lines)).not.toContain(token);
    expect(JSON.stringify(logs.lines)).not.toContain('expired-token-0123456789');
  });

  it('logs client errors as warnings', async () => {
    await request(app.getHttpServer()).get('/probe/entries/missing').expect(404);

    expect(logs.lines.find((line) => line['msg'] === 'request completed')).toMatchObject({
      level: 'warn',
      res: { statusCode: 404 },
    });
  });

  it('does not log probes and scrapes at info', async () => {
    await request(app.getHttpServer()).get('/health/live').expect(200);
    await request(app.getHttpServer()).get('/health/ready').expect(200);
    await request(app.getHttpServer()).get('/metrics').expect(200);

    expect(logs.lines).toEqual([]);
  });

  it('stamps the ids of the work in progress on lines written outside HTTP', () => {
    correlationContext.run({ correlationId: 'journey-2', causationId: 'event-5' }, () => {
      new Logger('EntryConsumer').log('handled an event');
    });

    expect(logs.lines).toEqual([
      expect.objectContaining({
        level: 'info',
        msg: 'handled an event',
        context: 'EntryConsumer',
        service: PROBE_SERVICE_NAME,
        correlationId: 'journey-2',
        causationId: 'event-5',
      }),
    ]);
    expect(logs.lines[0]).not.toHaveProperty('requestId');
  });

  it('writes nothing at all when silent', async () => {
    const quiet = new LogCollector();
    const silentApp = await createProbeApp({ logLevel: 'silent', logDestination: quiet });
    try {
      await request(silentApp.getHttpServer()).get('/probe/crash').expect(500);
      new Logger('Anything').error('not written');
    } finally {
      await silentApp.close();
    }

    expect(quiet.lines).toEqual([]);
  });
});
