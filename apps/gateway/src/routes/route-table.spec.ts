import { RouteMatcher } from '../domain/route-matcher';
import { ROUTE_TABLE } from './route-table';

describe('the route table', () => {
  const matcher = new RouteMatcher(ROUTE_TABLE);
  const routeOf = (method: string, path: string) => {
    const lookup = matcher.lookup(method, path);
    return lookup.found ? lookup.match : undefined;
  };

  it('has no two routes answering the same method and path', () => {
    expect(() => new RouteMatcher(ROUTE_TABLE)).not.toThrow();
  });

  it('serves the survey link at the path evaluation mails out, publicly and under the strict limit', () => {
    for (const method of ['GET', 'POST']) {
      const match = routeOf(method, '/surveys/answer/Wq3yJvYbKZ4bS0X0eQ6mJXo8x3nJxqf2c4wYbB1nJ-A');
      expect(match?.route).toMatchObject({ service: 'evaluation', access: 'public', rateLimit: 'public-link' });
    }
  });

  it('keeps the survey link apart from the survey definitions beside it', () => {
    expect(routeOf('GET', '/surveys/mid-term/versions')?.route.access).not.toBe('public');
    expect(routeOf('POST', '/surveys/answer/versions')?.route.path).toBe('/surveys/answer/:token');
  });

  it('passes the calendar feed URL, `.ics` included, on to scheduling without a credential', () => {
    const match = routeOf('GET', '/feeds/Wq3yJvYbKZ4bS0X0eQ6mJXo8x3nJxqf2c4wYbB1nJ-A.ics');
    expect(match).toMatchObject({ route: { service: 'scheduling', access: 'public' }, params: { token: 'Wq3yJvYbKZ4bS0X0eQ6mJXo8x3nJxqf2c4wYbB1nJ-A.ics' } });
  });

  it('makes public only the routes meant to work without an account', () => {
    const publicRoutes = ROUTE_TABLE.filter((route) => route.access === 'public' && route.service !== 'gateway').map((route) => `${route.method} ${route.path}`);
    expect(publicRoutes.sort()).toEqual(['GET /feeds/:token', 'GET /surveys/answer/:token', 'POST /applications', 'POST /mentors', 'POST /surveys/answer/:token']);
  });

  it('names an ownership parameter that is in the path of every route that checks one', () => {
    for (const route of ROUTE_TABLE) {
      if (route.access === 'public') continue;
      for (const rule of Object.values(route.access)) {
        if (rule.kind !== 'any' && 'param' in rule.from) expect(route.path).toContain(`:${rule.from.param}`);
      }
    }
  });
});
