import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const sessionCookieName = 'anke_session';
export const csrfHeaderName = 'x-csrf-token';

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Sessions are stored under the token's SHA-256, never the token itself. */
export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
