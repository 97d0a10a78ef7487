/**
 * Hashes and checks passwords. Verifying with no stored hash must take about as long as with
 * one, so the answer's timing does not tell which emails have accounts.
 */
export abstract class PasswordHasher {
  abstract hash(password: string): Promise<string>;
  abstract verify(hash: string | null | undefined, password: string): Promise<boolean>;
}
