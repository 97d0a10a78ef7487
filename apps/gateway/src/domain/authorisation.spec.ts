import { decideAccess, NO_RELATIONS, relationsNeeded } from './authorisation';
import type { Principal } from './principal';
import { anyone, ownMatchParam, ownOrMenteeParam, ownParam, ownQuery, RouteDefinition, STAFF } from './route-definition';

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
const planRoute: RouteDefinition = {
  method: 'GET',
  path: '/matches/:id/plan',
  service: 'scheduling',
  summary: "a match's plan",
  access: { ...STAFF, mentee: ownMatchParam('id'), mentor: ownMatchParam('id') },
};
const MATCH = '5d2c0e4a-8f1b-4c3e-9a7d-2b6f0c1e3a44';

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
    const relations = { ...NO_RELATIONS, menteesOfMentor: new Set(['m-1']) };
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

  it('lets a mentee or mentor reach only a match they are part of', () => {
    const relations = { ...NO_RELATIONS, matchesOfCaller: new Set([MATCH]) };
    expect(decideAccess(planRoute, mentee, facts(MATCH), relations)).toEqual({ allowed: true });
    expect(decideAccess(planRoute, mentor, facts(MATCH), relations)).toEqual({ allowed: true });
    expect(decideAccess(planRoute, mentee, facts('0f6a3c1e-0000-4000-8000-000000000000'), relations)).toMatchObject({ allowed: false, status: 403 });
    expect(decideAccess(planRoute, mentor, facts(MATCH))).toMatchObject({ allowed: false, status: 403 });
  });

  it('compares match ids without regard to case, since they are uuids', () => {
    const relations = { ...NO_RELATIONS, matchesOfCaller: new Set([MATCH]) };
    expect(decideAccess(planRoute, mentee, facts(MATCH.toUpperCase()), relations)).toEqual({ allowed: true });
  });

  it("never takes a mentee of the mentor, or the caller's own id, for a match of theirs", () => {
    const relations = { menteesOfMentor: new Set([MATCH]), matchesOfCaller: new Set<string>() };
    expect(decideAccess(planRoute, mentor, facts(MATCH), relations)).toMatchObject({ allowed: false, status: 403 });
    expect(decideAccess(planRoute, mentor, facts(mentor.subjectId), relations)).toMatchObject({ allowed: false, status: 403 });
  });

  it('needs a relations read only for a rule that looks at matches, and only the one it looks at', () => {
    expect(relationsNeeded(menteeRoute, mentor)).toBe('mentees-of-mentor');
    expect(relationsNeeded(menteeRoute, mentee)).toBeUndefined();
    expect(relationsNeeded(menteeRoute, undefined)).toBeUndefined();
    expect(relationsNeeded(planRoute, mentee)).toBe('matches-of-caller');
    expect(relationsNeeded(planRoute, mentor)).toBe('matches-of-caller');
    expect(relationsNeeded(planRoute, { role: 'coordinator', subjectId: 'c-1' })).toBeUndefined();
    expect(relationsNeeded({ ...planRoute, access: 'public' }, mentee)).toBeUndefined();
  });
});
