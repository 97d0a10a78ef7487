import { IsIn, IsInt, IsString, IsUUID, Length, Min } from 'class-validator';
import { defineEvent } from '../envelope/event-contract';

export const ORGANISATION_KINDS = ['company', 'university', 'municipality'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export class OrganisationRegisteredData {
  @IsUUID() organisationId: string;
  /** The organisation's public name (an organisation, not a person: no personal data). */
  @IsString() @Length(1, 200) name: string;
  @IsIn(ORGANISATION_KINDS) kind: OrganisationKind;
}
export const OrganisationRegistered = defineEvent('dk.cmp.enrolment.organisation-registered.v1', OrganisationRegisteredData);

export class PlacementsReservedData {
  @IsUUID() organisationId: string;
  @IsUUID() cohortId: string;
  /** Placements added by this reservation. */
  @IsInt() @Min(1) added: number;
  /** The organisation's quota in the cohort after it. */
  @IsInt() @Min(1) reserved: number;
}
export const PlacementsReserved = defineEvent('dk.cmp.enrolment.placements-reserved.v1', PlacementsReservedData);
