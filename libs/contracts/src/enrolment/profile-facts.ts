import { Type } from 'class-transformer';
import { IsIn, IsObject, Matches, ValidateNested } from 'class-validator';
import { IsCefrLevel, IsIscedField, IsIscedLevel, IsLanguageCode } from '../reference';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const LOCAL_TIME = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;

/** A language a person speaks and how well (CEFR). */
export class LanguageSkill {
  /** ISO 639-1 code, e.g. `da`, `en`. */
  @IsLanguageCode() language: string;
  /** CEFR level A1–C2. */
  @IsCefrLevel() level: string;
}

/** A weekly window in Europe/Copenhagen local time, e.g. Tuesdays 17:00–19:00. */
export class AvailabilityWindow {
  @IsIn(WEEKDAYS) day: Weekday;
  /** `HH:MM`, local time. */
  @Matches(LOCAL_TIME, { message: 'start must be HH:MM' }) start: string;
  /** `HH:MM`, local time, after `start`. */
  @Matches(LOCAL_TIME, { message: 'end must be HH:MM' }) end: string;
}

/** Highest completed education. */
export class Education {
  /** ISCED 2011 level, 0–8. */
  @IsIscedLevel() level: number;
  /** ISCED-F 2013 broad field, e.g. `06` (ICT). */
  @IsIscedField() field: string;
}

/**
 * Validates a nested object, or each element of an array of them, as an instance of `type`. A
 * single nested object must be there (unless `@IsOptional()` says otherwise): class-validator's
 * `ValidateNested` alone lets a missing one pass, and the gap surfaced later as a server error.
 */
export function Nested<T>(type: () => new () => T, options: { each?: boolean } = {}): PropertyDecorator {
  return (target, property) => {
    if (!options.each) IsObject({ message: `${String(property)} is required: an object` })(target, property as string);
    ValidateNested({ each: options.each })(target, property as string);
    Type(type)(target, property as string);
  };
}
