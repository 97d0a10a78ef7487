import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits, URL-safe: the link is the only credential a respondent has. */
export function newSurveyToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Only this is stored, so a leaked database holds no working links. */
export function hashSurveyToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function surveyLink(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/${token}`;
}
