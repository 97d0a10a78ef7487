import { IsHopPublicKeys } from './hop-key.validators';

/** What a service reads to verify hop tokens; loaded by `configureServiceApp` unless given keys. */
export class HopVerificationConfig {
  /**
   * The gateway's public keys as a JWK set (`{"keys":[{"kty":"OKP","crv":"Ed25519","x":…,"kid":…}]}`):
   * the current one, plus the next (or previous) one while the signing key is rotated. Required
   * in every environment: a service without it could not tell the gateway from anyone else.
   */
  @IsHopPublicKeys()
  readonly CMP_HOP_PUBLIC_KEYS: string;
}
