/** The error a domain rule throws, so a spec can check both its class and its message. */
export function refusalOf(act: () => unknown): Error {
  try {
    act();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the domain to refuse, but it accepted');
}
