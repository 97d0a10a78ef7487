import { RouteMatcher, fillPath } from './route-matcher';
import { RouteDefinition, STAFF } from './route-definition';

const route = (method: RouteDefinition['method'], path: string): RouteDefinition => ({ method, path, service: 'enrolment', summary: path, access: STAFF });

describe('RouteMatcher', () => {
  const matcher = new RouteMatcher([
    route('GET', '/cohorts/:id'),
    route('GET', '/cohorts/current'),
    route('POST', '/cohorts/:id/open'),
    route('GET', '/organisations/:id/referrals'),
    route('POST', '/organisations/:id/referrals/:referralId/revoke'),
  ]);

  it('matches a path and names its parameters', () => {
    const lookup = matcher.lookup('POST', '/organisations/o-1/referrals/r-2/revoke');
    expect(lookup).toEqual({ found: true, match: { route: expect.objectContaining({ path: '/organisations/:id/referrals/:referralId/revoke' }), params: { id: 'o-1', referralId: 'r-2' } } });
  });

  it('prefers a literal segment over a parameter whatever the table order', () => {
    const lookup = matcher.lookup('GET', '/cohorts/current');
    expect(lookup.found && lookup.match.route.path).toBe('/cohorts/current');
  });

  it('matches only the canonical spelling of a path', () => {
    for (const variant of ['/cohorts/c-1/', '//cohorts/c-1', '/cohorts//c-1', '/Cohorts/c-1', '/COHORTS/c-1', '/%63ohorts/c-1', '/cohorts;x=1/c-1', '/cohorts/c-1;x=1', '/./cohorts/c-1', '/x/../cohorts/c-1', 'cohorts/c-1']) {
      expect({ variant, lookup: matcher.lookup('GET', variant) }).toEqual({ variant, lookup: { found: false, allowedMethods: [] } });
    }
    expect(matcher.lookup('GET', '/cohorts/c-1').found).toBe(true);
  });

  it('lists the methods a known path accepts when the method is wrong', () => {
    expect(matcher.lookup('DELETE', '/cohorts/c-1')).toEqual({ found: false, allowedMethods: ['GET'] });
  });

  it('finds nothing for an unknown path', () => {
    expect(matcher.lookup('GET', '/nowhere')).toEqual({ found: false, allowedMethods: [] });
  });

  it('refuses parameter values that could walk out of the service path', () => {
    expect(matcher.lookup('GET', '/cohorts/..').found).toBe(false);
    expect(matcher.lookup('GET', '/cohorts/a%2Fb').found).toBe(false);
    expect(matcher.lookup('GET', '/cohorts/%E0%A4%A').found).toBe(false);
  });

  it('refuses a table with two routes for the same method and shape', () => {
    expect(() => new RouteMatcher([route('GET', '/mentees/:id'), route('GET', '/mentees/:menteeId')])).toThrow('two routes answer GET /mentees/:menteeId');
  });

  it('fills a service path from the parameters', () => {
    expect(fillPath('/cohorts/:id/runs', { id: 'c 1' })).toBe('/cohorts/c%201/runs');
  });
});
