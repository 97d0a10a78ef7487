import { createHash } from 'node:crypto';

/** Only a token's SHA-256 is kept, so a leaked table reveals no working feed URL. */
export const feedTokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');
