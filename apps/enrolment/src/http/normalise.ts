import { Transform } from 'class-transformer';

/** Emails are compared case-insensitively everywhere: store them trimmed and lower-cased. */
export const NormaliseEmail = () => Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value));

export const Trim = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));
