import type { ConsentPurpose, PersonRole } from '@cmp/contracts';
import type { AuditEntry } from '../application/audit/audit.repository';
import type { Consent } from '../application/consents/consent.repository';
import type { PersonalDataExport } from '../application/people/person-queries';
import { MenteeResponse, menteeResponse } from './mentees.responses';
import { MentorResponse, mentorResponse } from './mentors.responses';
import { isoOrNull } from './page.responses';

export interface ConsentResponse {
  readonly personId: string;
  readonly purpose: ConsentPurpose;
  readonly granted: boolean;
  readonly noticeVersion: string;
  readonly changedAt: string;
}

export interface AuditEntryResponse {
  /** A bigint, as a string. */
  readonly id: string;
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly entityType: string;
  readonly entityId: string;
  readonly fields: string[];
}

/** Everything enrolment holds about a person (GDPR art. 15/20). */
export interface PersonalDataExportResponse {
  readonly exportedAt: string;
  readonly role: PersonRole;
  readonly profile: MenteeResponse | MentorResponse;
  readonly consents: ConsentResponse[];
  readonly referral?: { readonly id: string; readonly organisationId: string; readonly cohortId: string | null; readonly redeemedAt: string | null };
  readonly history: AuditEntryResponse[];
}

export function consentResponse(consent: Consent): ConsentResponse {
  return { personId: consent.personId, purpose: consent.purpose, granted: consent.granted, noticeVersion: consent.noticeVersion, changedAt: consent.changedAt.toISOString() };
}

export function auditEntryResponse(entry: AuditEntry): AuditEntryResponse {
  return {
    id: entry.id,
    at: entry.at.toISOString(),
    actor: entry.actor,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    fields: entry.fields,
  };
}

export function personalDataExportResponse(exported: PersonalDataExport): PersonalDataExportResponse {
  const { referral } = exported;
  return {
    exportedAt: exported.exportedAt.toISOString(),
    role: exported.role,
    profile: exported.role === 'mentee' ? menteeResponse(exported.profile) : mentorResponse(exported.profile),
    consents: exported.consents.map(consentResponse),
    ...(referral
      ? { referral: { id: referral.id, organisationId: referral.organisationId, cohortId: referral.cohortId, redeemedAt: isoOrNull(referral.redeemedAt) } }
      : {}),
    history: exported.history.map(auditEntryResponse),
  };
}
