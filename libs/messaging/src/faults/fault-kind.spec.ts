import { KafkaJSConnectionError, KafkaJSNumberOfRetriesExceeded, KafkaJSProtocolError } from 'kafkajs';
import { faultKind, isPermanentPublishFault } from './fault-kind';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });
/** TypeORM's QueryFailedError copies the driver's fields and keeps the driver error itself. */
const queryFailed = (driverError: Error) => Object.assign(new Error(driverError.message), { name: 'QueryFailedError', driverError });

describe('faultKind', () => {
  it.each([
    ['a refused connection', withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['a login refused while an operator locks the role', withCode('role "cmp_enrolment" is not permitted to log in', '28000')],
    ['a backend terminated by pg_terminate_backend', queryFailed(withCode('terminating connection due to administrator command', '57P01'))],
    ['a connection that died mid-query', queryFailed(new Error('Connection terminated unexpectedly'))],
    ['a pool that could not connect in time', new Error('timeout exceeded when trying to connect')],
    ['a serialisation failure', queryFailed(withCode('could not serialize access', '40001'))],
    ['a deadlock', queryFailed(withCode('deadlock detected', '40P01'))],
    ['too many connections', withCode('sorry, too many clients already', '53300')],
    ['a broker away', new KafkaJSConnectionError('Connection error: connect ECONNREFUSED')],
    ['a leader moving', new KafkaJSProtocolError({ message: 'leader not available', type: 'LEADER_NOT_AVAILABLE', code: 5, retriable: true } as never)],
    ['a fault wrapped as a cause', new Error('handler failed', { cause: withCode('read ECONNRESET', 'ECONNRESET') })],
  ])('calls %s transient', (_, error) => {
    expect(faultKind(error)).toBe('transient');
  });

  it.each([
    ['a handler refusing the event', new Error('counter poisoned is poisoned')],
    ['a unique violation', queryFailed(withCode('duplicate key value violates unique constraint', '23505'))],
    ['a not-null violation', queryFailed(withCode('null value in column "education"', '23502'))],
    ['bad input to SQL', queryFailed(withCode('invalid input syntax for type uuid', '22P02'))],
    ['a type error in a handler', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a message too large', new KafkaJSProtocolError({ message: 'too large', type: 'MESSAGE_TOO_LARGE', code: 10, retriable: false } as never)],
  ])('calls %s permanent', (_, error) => {
    expect(faultKind(error)).toBe('permanent');
  });
});

describe('isPermanentPublishFault', () => {
  const tooLarge = new KafkaJSProtocolError({ message: 'The request included a message larger than the max message size the server will accept', type: 'MESSAGE_TOO_LARGE', code: 10, retriable: false } as never);
  const notAllowed = new KafkaJSProtocolError({ message: 'Not authorized to access topics', type: 'TOPIC_AUTHORIZATION_FAILED', code: 29, retriable: false } as never);

  it('parks what the broker refuses for good, also after the producer gave up retrying', () => {
    expect(isPermanentPublishFault(tooLarge)).toBe(true);
    expect(isPermanentPublishFault(notAllowed)).toBe(true);
    expect(isPermanentPublishFault(new KafkaJSNumberOfRetriesExceeded(tooLarge, { retryCount: 5, retryTime: 100 }))).toBe(true);
  });

  it('keeps retrying a broker that is away or an error it does not know', () => {
    expect(isPermanentPublishFault(new KafkaJSConnectionError('Connection error'))).toBe(false);
    expect(isPermanentPublishFault(new KafkaJSNumberOfRetriesExceeded(new KafkaJSConnectionError('Connection error'), { retryCount: 5, retryTime: 100 }))).toBe(false);
    expect(isPermanentPublishFault(new Error('something else'))).toBe(false);
  });
});
