import { request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createProbeApp } from '../test-support/probe-app.fixture';

const PROBLEM_JSON = /^application\/problem\+json/;
const VALID_ENTRY = { name: 'n', quantity: 2, address: { city: 'Odense', contacts: [{ email: 'a@example.com' }] } };

describe('how a service reads a request body', () => {
  let app: INestApplication;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    app = await createProbeApp();
  });

  afterAll(async () => {
    await app.close();
  });

  it('refuses a text/plain body with 415', async () => {
    const response = await http().post('/probe/entries').set('content-type', 'text/plain').send(JSON.stringify(VALID_ENTRY)).expect(415);
    expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
    expect(response.body).toMatchObject({ type: 'https://cmp.dk/problems/unsupported-media-type', status: 415 });
    expect(response.body.detail).toBe('The request body must be sent as application/json. It came as text/plain.');
  });

  it('refuses a form-encoded body with 415', async () => {
    const response = await http().post('/probe/entries').type('form').send({ name: 'n' }).expect(415);
    expect(response.body.detail).toContain('It came as application/x-www-form-urlencoded.');
  });

  it('refuses a body without a content type with 415', async () => {
    const server = app.getHttpServer() as Server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        // Node's client adds no content type of its own, unlike supertest.
        const sent = httpRequest({ host: '127.0.0.1', port, method: 'POST', path: '/probe/entries', headers: { 'content-length': '2' } }, (response) => {
          let body = '';
          response.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
        });
        sent.on('error', reject);
        sent.end('{}');
      });
      expect(answer.status).toBe(415);
      expect(JSON.parse(answer.body).detail).toContain('It came as no content type.');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it.each([
    ['an array', '[{"name": "n"}]'],
    ['null', 'null'],
    ['a string', '"text"'],
    ['a number', '42'],
  ])('refuses %s as the body with 400 "the body must be a JSON object"', async (_name, body) => {
    const response = await http().post('/probe/entries').set('content-type', 'application/json').send(body).expect(400);
    expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
    expect(response.body).toMatchObject({ type: 'https://cmp.dk/problems/bad-request', status: 400, detail: 'The body must be a JSON object.' });
  });

  it('accepts a JSON media type with parameters or a +json suffix', async () => {
    await http().post('/probe/entries').set('content-type', 'application/json; charset=utf-8').send(JSON.stringify(VALID_ENTRY)).expect(201);
    await http().post('/probe/entries').set('content-type', 'application/merge-patch+json').send(JSON.stringify(VALID_ENTRY)).expect(201);
  });

  it('says a missing field "is required" rather than listing every rule it would have to meet', async () => {
    const response = await http()
      .post('/probe/entries')
      .send({ name: 'n', address: { contacts: [{ email: 'a@example.com' }] } })
      .expect(400);
    expect(response.body.errors).toEqual([
      { field: 'quantity', messages: ['quantity is required'] },
      { field: 'address.city', messages: ['address.city is required'] },
    ]);
  });

  it('still lists the rules a present but wrong value breaks', async () => {
    const response = await http().post('/probe/entries').send({ ...VALID_ENTRY, quantity: 'many' }).expect(400);
    expect(response.body.errors).toEqual([{ field: 'quantity', messages: ['quantity must not be less than 1', 'quantity must be an integer number'] }]);
  });

  it('names the path parameter that is not a UUID', async () => {
    const response = await http().get('/probe/teams/0b6e5c2a-8f7e-4a55-9a8e-3f1f0f6a9a11/members/not-a-uuid').expect(400);
    expect(response.body).toMatchObject({ type: 'https://cmp.dk/problems/validation', detail: 'The field memberId is not valid.' });
    expect(response.body.errors).toEqual([{ field: 'memberId', messages: ['memberId must be a UUID'] }]);
  });

  it('names the query parameter that is not a UUID', async () => {
    const response = await http().get('/probe/members?teamId=7').expect(400);
    expect(response.body.errors).toEqual([{ field: 'teamId', messages: ['teamId must be a UUID'] }]);
  });
});
