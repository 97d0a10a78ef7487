import { maskSecretsInParams, maskSecretsInQuery, maskSecretsInUrl } from './secret-urls';

const TOKEN = 'q8Yb4m2T0kPZlV1nY0d3xw9cR7sE5uJ6aH2gK4fL8iM';

describe('secrets in URLs', () => {
  it.each([
    [`/api/v1/surveys/answer/${TOKEN}`, '/api/v1/surveys/answer/[redacted]'],
    [`/surveys/answer/${TOKEN}`, '/surveys/answer/[redacted]'],
    [`/api/v1/feeds/${TOKEN}.ics`, '/api/v1/feeds/[redacted]'],
    [`/feeds/${TOKEN}`, '/feeds/[redacted]'],
    [`/sign-in/link/${TOKEN}`, '/sign-in/link/[redacted]'],
  ])('masks the token of %s', (url, masked) => {
    expect(maskSecretsInUrl(url)).toBe(masked);
  });

  it.each([
    `/API/V1/Surveys/Answer/${TOKEN}`,
    `/api/v1//surveys//answer/${TOKEN}/`,
    `/api/v1/surveys/%61nswer/${TOKEN}`,
    `/api/v1/surveys;v=1/answer/${TOKEN}`,
    `/api/v1/surveys/answer%2F${TOKEN}`,
    `/api/v1/feeds/${TOKEN}.ics?refresh=1`,
  ])('masks it in the variant %s too', (url) => {
    expect(maskSecretsInUrl(url)).not.toContain(TOKEN);
    expect(maskSecretsInUrl(url)).toContain('[redacted]');
  });

  it('masks credential parameters of any route and keeps the rest of the query', () => {
    expect(maskSecretsInUrl(`/api/v1/cohorts?status=open&token=${TOKEN}&Access_Token=${TOKEN}&api%5Fkey=${TOKEN}`)).toBe(
      '/api/v1/cohorts?status=open&token=[redacted]&Access_Token=[redacted]&api%5Fkey=[redacted]',
    );
    expect(maskSecretsInQuery({ status: 'open', TOKEN: TOKEN })).toEqual({ status: 'open', TOKEN: '[redacted]' });
  });

  it('leaves URLs without secrets as they are', () => {
    for (const url of ['/api/v1/mentees?status=applied', '/api/v1/people/7/calendar-feed', '/api/v1/surveys', '/api/v1/feeds', '/health/ready']) {
      expect(maskSecretsInUrl(url)).toBe(url);
    }
  });

  it("masks the route parameters of a secret path only, including the gateway's path array", () => {
    expect(maskSecretsInParams({ token: TOKEN }, `/surveys/answer/${TOKEN}`)).toEqual({ token: '[redacted]' });
    expect(maskSecretsInParams({ path: ['api', 'v1', 'feeds', TOKEN] }, `/api/v1/feeds/${TOKEN}`)).toEqual({ path: '[redacted]' });
    expect(maskSecretsInParams({ id: '7' }, '/api/v1/mentees/7')).toEqual({ id: '7' });
  });
});
