/** A failure of `source-quickbooks auth` the person can act on: printed as one line, exit code 1. */
export class AuthError extends Error {
  override readonly name = 'AuthError';
}
