import { buildMessage, ValidateBy, ValidationOptions } from 'class-validator';
import { isCefrLevel } from './cefr';
import { isCountryCode } from './countries';
import { isDanishMunicipalityCode } from './danish-municipalities';
import { isIscedField, isIscedLevel } from './isced';
import { isIscoCode, isIscoUnitGroup } from './isco-08';
import { isIso639_1 } from './languages';
import { isNaceCode } from './nace-rev2';

/*
 * class-validator decorators for properties that hold a code from one of the reference lists.
 * Each takes class-validator's ValidationOptions, so `{ each: true }` validates every element
 * of an array, and each default message names the list the value was checked against. The
 * constraint names (`isIscoCode`, …) are the keys a caller finds in `ValidationError.constraints`.
 */

/** Options of {@link IsIscoCode}. */
export interface IsIscoCodeOptions {
  /** Accept only 4-digit unit groups, the level a job is coded at (default: any level). */
  readonly unitGroupOnly?: boolean;
}

export const IS_ISCO_CODE = 'isIscoCode';
export const IS_NACE_CODE = 'isNaceCode';
export const IS_LANGUAGE_CODE = 'isLanguageCode';
export const IS_CEFR_LEVEL = 'isCefrLevel';
export const IS_ISCED_LEVEL = 'isIscedLevel';
export const IS_ISCED_FIELD = 'isIscedField';
export const IS_COUNTRY_CODE = 'isCountryCode';
export const IS_DANISH_MUNICIPALITY_CODE = 'isDanishMunicipalityCode';

function referenceDecorator(
  name: string,
  test: (value: unknown) => boolean,
  requirement: string,
  validationOptions: ValidationOptions | undefined,
  constraints: unknown[] = [],
): PropertyDecorator {
  return ValidateBy(
    {
      name,
      constraints,
      validator: {
        validate: (value: unknown): boolean => test(value),
        defaultMessage: buildMessage((eachPrefix) => `${eachPrefix}$property must be ${requirement}`, validationOptions),
      },
    },
    validationOptions,
  );
}

/** An ISCO-08 occupation code (string), at any level or, with `unitGroupOnly`, a 4-digit unit group. */
export function IsIscoCode(options: IsIscoCodeOptions = {}, validationOptions?: ValidationOptions): PropertyDecorator {
  const unitGroupOnly = options.unitGroupOnly ?? false;
  return unitGroupOnly
    ? referenceDecorator(
        IS_ISCO_CODE,
        isIscoUnitGroup,
        'an ISCO-08 unit group code (4 digits, e.g. 2512)',
        validationOptions,
        [{ unitGroupOnly }],
      )
    : referenceDecorator(
        IS_ISCO_CODE,
        isIscoCode,
        'an ISCO-08 occupation code (1 to 4 digits, e.g. 2512)',
        validationOptions,
        [{ unitGroupOnly }],
      );
}

/** A NACE Rev. 2 section letter (A–U) or division code (01–99). */
export function IsNaceCode(validationOptions?: ValidationOptions): PropertyDecorator {
  return referenceDecorator(
    IS_NACE_CODE,
    isNaceCode,
    'a NACE Rev. 2 section letter (A–U) or division code (2 digits, e.g. 62)',
    validationOptions,
  );
}

/** An ISO 639-1 language code, two lower-case letters. */
export function IsLanguageCode(validationOptions?: ValidationOptions): PropertyDecorator {
  return referenceDecorator(
    IS_LANGUAGE_CODE,
    isIso639_1,
    'an ISO 639-1 language code (2 lower-case letters, e.g. da)',
    validationOptions,
  );
}

/** A CEFR level: A1, A2, B1, B2, C1 or C2. */
export function IsCefrLevel(validationOptions?: ValidationOptions): PropertyDecorator {
  return referenceDecorator(IS_CEFR_LEVEL, isCefrLevel, 'a CEFR level (A1, A2, B1, B2, C1 or C2)', validationOptions);
}

/** An ISCED 2011 level of education: an integer from 0 to 8. */
export function IsIscedLevel(validationOptions?: ValidationOptions): PropertyDecorator {
  return referenceDecorator(
    IS_ISCED_LEVEL,
    isIscedLevel,
    'an ISCED 2011 level (an integer from 0 to 8)',
    validationOptions,
  );
}

/** An ISCED-F 2013 broad field of education code, such as `06`. */
export function IsIscedField(validationOptions?: ValidationOptions): PropertyDecorator {
  return referenceDecorator(
    IS_ISCED_FIELD,
    isIscedField,
    'an ISCED-F 2013 broad field code (00 to 10 or 99, e.g. 06)',
    validationOptions,
  );
}

/** An ISO 3166-1 alpha-2 country code, two upper-case letters. */
export function IsCountryCode(validationOptions?: ValidationOptions): PropertyDecorator {
  return referenceDecorator(
    IS_COUNTRY_CODE,
    isCountryCode,
    'an ISO 3166-1 alpha-2 country code (2 upper-case letters, e.g. DK)',
    validationOptions,
  );
}

/** The 3-digit code of one of Denmark's 98 municipalities, as a string. */
export function IsDanishMunicipalityCode(validationOptions?: ValidationOptions): PropertyDecorator {
  return referenceDecorator(
    IS_DANISH_MUNICIPALITY_CODE,
    isDanishMunicipalityCode,
    'a Danish municipality code (3 digits, e.g. 101 for København)',
    validationOptions,
  );
}
