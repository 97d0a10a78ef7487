import { hashSurveyToken, newSurveyToken, surveyLink } from './survey-tokens';

describe('survey tokens', () => {
  it('makes 256-bit URL-safe tokens that never repeat', () => {
    const tokens = new Set(Array.from({ length: 1000 }, () => newSurveyToken()));
    expect(tokens.size).toBe(1000);
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('stores a SHA-256 hash that does not contain the token', () => {
    const token = newSurveyToken();
    expect(hashSurveyToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashSurveyToken(token)).toBe(hashSurveyToken(token));
    expect(hashSurveyToken(token)).not.toContain(token);
  });

  it('appends the token to the public base URL', () => {
    expect(surveyLink('https://cmp.example.org/api/v1/surveys/answer/', 'abc')).toBe('https://cmp.example.org/api/v1/surveys/answer/abc');
  });
});
