import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@cmp/kernel';
import { decideAccess, MentorRelations, NO_RELATIONS, RelationsNeeded, relationsNeeded, RequestFacts } from '../../domain/authorisation';
import { forbidden, invalidToken, unauthenticated } from '../../domain/gateway-error';
import { Principal } from '../../domain/principal';
import { RouteDefinition } from '../../domain/route-definition';
import { API_KEY_PREFIX, PartnerKeys } from '../api-keys/partner-keys';
import { MentorshipRepository } from '../mentorships/mentorship.repository';
import { SessionTokens } from '../sessions/session-tokens';

/** The credential a request presented, as read from its headers. */
export interface PresentedCredential {
  readonly authorization?: string;
  readonly apiKey?: string;
}

/**
 * Authenticates a request (bearer access token, or a partner's API key in `x-api-key` or as
 * the bearer) and decides it against its route.
 */
@Injectable()
export class RequestAccess {
  constructor(
    private readonly sessions: SessionTokens,
    private readonly keys: PartnerKeys,
    private readonly unitOfWork: UnitOfWork,
    private readonly mentorships: MentorshipRepository,
  ) {}

  /**
   * A request that presents both an API key and an Authorization header is judged on both: each
   * must be valid and name the same caller, else 401. Ignoring one of them silently would let a
   * client believe a garbage or expired token was accepted.
   */
  async authenticate(credential: PresentedCredential): Promise<Principal | undefined> {
    if (credential.apiKey !== undefined) {
      const byKey = await this.keys.authenticate(credential.apiKey);
      if (credential.authorization === undefined) return byKey;
      const byHeader = await this.authenticateAuthorization(credential.authorization);
      if (byHeader.role !== byKey.role || byHeader.subjectId !== byKey.subjectId) throw invalidToken('the Authorization header and x-api-key name different callers: send one credential');
      return byKey;
    }
    if (credential.authorization === undefined) return undefined;
    return this.authenticateAuthorization(credential.authorization);
  }

  private async authenticateAuthorization(authorization: string): Promise<Principal> {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match) throw invalidToken('the Authorization header must be "Bearer <token>"');
    const token = match[1];
    return token.startsWith(API_KEY_PREFIX) ? this.keys.authenticate(token) : this.sessions.verifyAccessToken(token);
  }

  async authorise(route: RouteDefinition, principal: Principal | undefined, facts: RequestFacts): Promise<void> {
    const needed = relationsNeeded(route, principal);
    const relations = needed && principal ? await this.relationsOf(needed, principal.subjectId) : undefined;
    const decision = decideAccess(route, principal, facts, relations);
    if (decision.allowed) return;
    throw decision.status === 401 ? unauthenticated() : forbidden(decision.reason);
  }

  private async relationsOf(needed: RelationsNeeded, personId: string): Promise<MentorRelations> {
    if (needed === 'mentees-of-mentor') {
      const mentees = await this.unitOfWork.read((tx) => this.mentorships.currentMenteesOf(tx, personId));
      return { ...NO_RELATIONS, menteesOfMentor: new Set(mentees) };
    }
    // A person has a handful of matches at most, so reading them all is cheaper than a query per id.
    const matches = await this.unitOfWork.read((tx) => this.mentorships.matchesOf(tx, personId));
    return { ...NO_RELATIONS, matchesOfCaller: new Set(matches) };
  }
}
