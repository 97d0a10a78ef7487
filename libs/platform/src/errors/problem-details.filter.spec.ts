import type { ArgumentsHost, INestApplication } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { firstValueFrom } from 'rxjs';
import request from 'supertest';
import { LEAKY_MESSAGE, LogCollector, createProbeApp } from '../test-support/probe-app.fixture';
import { ProblemDetailsFilter } from './problem-details.filter';

const PROBLEM_JSON = /^application\/problem\+json/;

describe('ProblemDetailsFilter over HTTP', () => {
  let app: INestApplication;
  const logs = new LogCollector();

  beforeAll(async () => {
    app = await createProbeApp({ logLevel: 'error', logDestination: logs });
  });

  afterAll(async () => {
    await app.close();
  });

  it('names every invalid field of a body by its path', async () => {
    const response = await request(app.getHttpServer())
      .post('/probe/entries')
      .send({
        name: 7,
        quantity: 0,
        address: { city: 'Aarhus', contacts: [{ email: 'a@example.com' }, { email: 'not-an-email' }] },
      })
      .expect(400);

    expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
    expect(response.body).toMatchObject({
      type: 'https://cmp.dk/problems/validation',
      title: 'The request is not valid',
      status: 400,
      instance: '/probe/entries',
    });
    expect(response.body.errors).toEqual([
      { field: 'name', messages: ['name must be a string'] },
      { field: 'quantity', messages: ['quantity must not be less than 1'] },
      { field: 'address.contacts[1].email', messages: ['email must be an email'] },
    ]);
    expect(response.body.detail).toContain('address.contacts[1].email');
  });

  it('rejects properties the request type does not declare', async () => {
    const response = await request(app.getHttpServer())
      .post('/probe/entries')
      .send({
        name: 'n',
        quantity: 1,
        address: { city: 'Odense', contacts: [{ email: 'a@example.com' }] },
        isAdmin: true,
      })
      .expect(400);

    expect(response.body.type).toBe('https://cmp.dk/problems/validation');
    expect(response.body.errors).toEqual([{ field: 'isAdmin', messages: ['property isAdmin should not exist'] }]);
  });

  it('turns a valid body into an instance of the request type', async () => {
    const response = await request(app.getHttpServer())
      .post('/probe/entries')
      .send({ name: 'n', quantity: 2, address: { city: 'Odense', contacts: [{ email: 'a@example.com' }] } })
      .expect(201);

    expect(response.body.isDto).toBe(true);
  });

  it('answers malformed JSON with a 400 problem', async () => {
    const response = await request(app.getHttpServer())
      .post('/probe/entries')
      .set('content-type', 'application/json')
      .send('{"name": "n",')
      .expect(400);

    expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
    expect(response.body).toMatchObject({
      type: 'https://cmp.dk/problems/bad-request',
      title: 'Bad Request',
      status: 400,
      instance: '/probe/entries',
    });
    expect(response.body.detail).toEqual(expect.stringContaining('JSON'));
  });

  it('keeps the status of other body-parser rejections', async () => {
    const response = await request(app.getHttpServer())
      .post('/probe/entries')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ name: 'x'.repeat(200 * 1024) }))
      .expect(413);

    expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
    expect(response.body).toMatchObject({ type: 'https://cmp.dk/problems/payload-too-large', status: 413 });
  });

  it('maps Nest HTTP exceptions by status', async () => {
    const response = await request(app.getHttpServer()).get('/probe/entries/missing').expect(404);

    expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
    expect(response.body).toMatchObject({
      type: 'https://cmp.dk/problems/not-found',
      title: 'Not Found',
      status: 404,
      detail: 'No entry with id missing',
      instance: '/probe/entries/missing',
    });
  });

  it('maps a guard’s rejection to a forbidden problem', async () => {
    const response = await request(app.getHttpServer()).get('/probe/private').expect(403);

    expect(response.body).toMatchObject({ type: 'https://cmp.dk/problems/forbidden', title: 'Forbidden', status: 403 });
  });

  it('answers unknown routes with a not-found problem', async () => {
    const response = await request(app.getHttpServer()).get('/nowhere?token=secret').expect(404);

    expect(response.body).toMatchObject({ type: 'https://cmp.dk/problems/not-found', instance: '/nowhere' });
  });

  it('lets an error that knows its problem describe itself, without overriding the standard members', async () => {
    const response = await request(app.getHttpServer()).get('/probe/quota').set('x-correlation-id', 'quota-1').expect(409);

    expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
    expect(response.body).toEqual({
      type: 'https://cmp.dk/problems/quota-exceeded',
      title: 'Quota exceeded',
      status: 409,
      detail: 'The quota of 3 entries is used up',
      instance: '/probe/quota',
      limit: 3,
      correlationId: 'quota-1',
    });
  });

  it('answers an unexpected error with a 500 that reveals nothing, and logs the cause with its stack', async () => {
    const response = await request(app.getHttpServer()).get('/probe/crash').set('x-correlation-id', 'crash-1').expect(500);

    expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
    expect(response.body).toMatchObject({
      type: 'https://cmp.dk/problems/internal',
      title: 'Internal Server Error',
      status: 500,
      instance: '/probe/crash',
      correlationId: 'crash-1',
    });
    expect(JSON.stringify(response.body)).not.toContain('hunter2');
    expect(JSON.stringify(response.body)).not.toContain('ECONNREFUSED');

    const logged = logs.lines.find((line) => String(line['msg']).includes(LEAKY_MESSAGE));
    expect(logged).toMatchObject({ level: 'error', service: 'probe-service', correlationId: 'crash-1' });
    expect(JSON.stringify(logged)).toContain('probe-app.fixture');
  });
});

describe('ProblemDetailsFilter outside HTTP', () => {
  it('rethrows the original exception so the consumer sees it', async () => {
    const filter = new ProblemDetailsFilter(new HttpAdapterHost());
    const original = new Error('handler failed');
    const rpcHost = { getType: () => 'rpc' } as unknown as ArgumentsHost;

    const result = filter.catch(original, rpcHost);

    if (result === undefined) {
      throw new Error('expected an observable for an rpc host');
    }
    await expect(firstValueFrom(result)).rejects.toBe(original);
  });
});
