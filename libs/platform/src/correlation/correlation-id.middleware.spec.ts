import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createProbeApp } from '../test-support/probe-app.fixture';
import { isValidCorrelationId } from './correlation-headers';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('CorrelationIdMiddleware', () => {
  let app: INestApplication;

  beforeAll(async () => {
    app = await createProbeApp();
  });

  afterAll(async () => {
    await app.close();
  });

  it('echoes the caller’s ids and exposes them to the handler', async () => {
    const response = await request(app.getHttpServer())
      .get('/probe/correlation')
      .set('x-correlation-id', 'journey-42')
      .set('x-request-id', 'edge:req.7')
      .expect(200);

    expect(response.headers['x-correlation-id']).toBe('journey-42');
    expect(response.headers['x-request-id']).toBe('edge:req.7');
    expect(response.body).toEqual({ correlationId: 'journey-42', requestId: 'edge:req.7' });
  });

  it('generates both ids when the caller sends none', async () => {
    const response = await request(app.getHttpServer()).get('/probe/correlation').expect(200);

    expect(response.headers['x-correlation-id']).toMatch(UUID);
    expect(response.headers['x-request-id']).toMatch(UUID);
    expect(response.headers['x-request-id']).not.toBe(response.headers['x-correlation-id']);
    expect(response.body).toEqual({
      correlationId: response.headers['x-correlation-id'],
      requestId: response.headers['x-request-id'],
    });
  });

  it('replaces ids that are too long or carry other characters', async () => {
    const response = await request(app.getHttpServer())
      .get('/probe/correlation')
      .set('x-correlation-id', 'a'.repeat(129))
      .set('x-request-id', 'bad id\twith spaces')
      .expect(200);

    expect(response.headers['x-correlation-id']).toMatch(UUID);
    expect(response.headers['x-request-id']).toMatch(UUID);
  });

  it('answers a request the body parser rejects with its ids too', async () => {
    const response = await request(app.getHttpServer())
      .post('/probe/entries')
      .set('content-type', 'application/json')
      .set('x-correlation-id', 'journey-43')
      .send('{"name":')
      .expect(400);

    expect(response.headers['x-correlation-id']).toBe('journey-43');
    expect(response.body.correlationId).toBe('journey-43');
  });
});

describe('isValidCorrelationId', () => {
  it.each(['a', 'A-z_0.9:x', 'x'.repeat(128)])('accepts %s', (id) => {
    expect(isValidCorrelationId(id)).toBe(true);
  });

  it.each(['', 'x'.repeat(129), 'has space', 'new\nline', 'ü', 'a/b', undefined, 42])('rejects %p', (id) => {
    expect(isValidCorrelationId(id)).toBe(false);
  });
});
