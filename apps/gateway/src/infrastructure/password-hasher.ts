import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';
import { PasswordHasher } from '../application/accounts/password-hasher';

/**
 * argon2id with the library's defaults (m=64 MiB, t=3, p=4), above OWASP's minimum. Verifying
 * against a fixed hash when no account matches keeps the answer's timing from telling which
 * emails have accounts.
 */
@Injectable()
export class Argon2PasswordHasher extends PasswordHasher {
  private decoy: Promise<string> | undefined;

  hash(password: string): Promise<string> {
    return argon2.hash(password, { type: argon2.argon2id });
  }

  async verify(hash: string | null | undefined, password: string): Promise<boolean> {
    if (!hash) {
      this.decoy ??= this.hash('decoy password that matches nothing');
      await argon2.verify(await this.decoy, password);
      return false;
    }
    try {
      return await argon2.verify(hash, password);
    } catch {
      return false;
    }
  }
}
