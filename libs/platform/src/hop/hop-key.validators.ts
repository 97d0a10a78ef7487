import { ValidateBy, type ValidationOptions } from 'class-validator';
import { parseHopPublicKeys, parseHopSigningKey } from './hop-keys';

function keyValidator(name: string, parse: (text: string) => unknown, options?: ValidationOptions): PropertyDecorator {
  let reason = '';
  return ValidateBy(
    {
      name,
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'string') {
            reason = 'is required';
            return false;
          }
          try {
            parse(value);
            return true;
          } catch (error) {
            // The parser's reasons name the fields, never the key material.
            reason = error instanceof Error ? error.message : String(error);
            return false;
          }
        },
        defaultMessage: (args) => `${args?.property} ${reason}`,
      },
    },
    options,
  );
}

/** An Ed25519 private JWK with a `kid` (the gateway's `GATEWAY_HOP_SIGNING_KEY`). */
export const IsHopSigningKey = (options?: ValidationOptions) => keyValidator('isHopSigningKey', parseHopSigningKey, options);

/** A JWK set of Ed25519 public keys with distinct `kid`s (the services' `CMP_HOP_PUBLIC_KEYS`). */
export const IsHopPublicKeys = (options?: ValidationOptions) => keyValidator('isHopPublicKeys', parseHopPublicKeys, options);
