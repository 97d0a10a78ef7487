import { decideAccess, needsMentorRelations } from './authorisation';
import type { Principal } from './principal';
import { anyone, ownOrMenteeParam, ownParam, ownQuery, RouteDefinition, STAFF } from './route-definition';

const menteeRoute: RouteDefinition = {
  method: 'GET',
  path: '/mentees/:id',
  service: 'enrolment',
  summary: 'one mentee',
  access: { ...STAFF, mentee: ownParam('id'), mentor: ownOrMenteeParam('id') },
};
const mentee: Principal = { role: 'mentee', subjectId: 'm-1' };
const mentor: Principal = { role: 'mentor', subjectId: 't-1' };
const facts = (id: string) => ({ params: { id }, query: {} });

describe('decideAccess', () => {
  it('lets anyone through a public route', () => {
    expect(decideAccess({ ...menteeRoute, access: 'public' }, undefined, facts('x'))).toEqual({ allowed: true });
  });

  it('asks for a credential on a protected route', () => {
    expect(decideAccess(menteeRoute, undefined, facts('m-1'))).toMatchObject({ allowed: false, status: 401 });
  });

  it('refuses a role the route does not list', () => {
    expect(decideAccess(menteeRoute, { role: 'partner', subjectId: 'o-1' }, facts('m-1'))).toMatchObject({ allowed: false, status: 403 });
  });

  it('lets staff read any mentee', () => {
    expect(decideAccess(menteeRoute, { role: 'coordinator', subjectId: 'c-1' }, facts('m-9'))).toEqual({ allowed: true });
  });

  it('lets a mentee read only their own application', () => {
    expect(decideAccess(menteeRoute, mentee, facts('m-1'))).toEqual({ allowed: true });
    expect(decideAccess(menteeRoute, mentee, facts('m-2'))).toMatchObject({ allowed: false, status: 403 });
  });

  it('lets a mentor read their own mentees and no one else', () => {
    const relations = { menteesOfMentor: new Set(['m-1']) };
    expect(decideAccess(menteeRoute, mentor, facts('m-1'), relations)).toEqual({ allowed: true });
    expect(decideAccess(menteeRoute, mentor, facts('m-2'), relations)).toMatchObject({ allowed: false, status: 403 });
  });

  it('checks ownership in the query when the rule says so, and never for a repeated parameter', () => {
    const route: RouteDefinition = { ...menteeRoute, path: '/aggregates', access: { partner: ownQuery('organisationId'), admin: anyone } };
    const partner: Principal = { role: 'partner', subjectId: 'o-1' };
    expect(decideAccess(route, partner, { params: {}, query: { organisationId: 'o-1' } })).toEqual({ allowed: true });
    expect(decideAccess(route, partner, { params: {}, query: {} })).toMatchObject({ allowed: false, status: 403 });
    expect(decideAccess(route, partner, { params: {}, query: { organisationId: ['o-1', 'o-2'] } })).toMatchObject({ allowed: false, status: 403 });
  });

  it('needs the mentor relations only for a mentor on a mentee rule', () => {
    expect(needsMentorRelations(menteeRoute, mentor)).toBe(true);
    expect(needsMentorRelations(menteeRoute, mentee)).toBe(false);
    expect(needsMentorRelations(menteeRoute, undefined)).toBe(false);
  });
});
