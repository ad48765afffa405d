/**
 * Invite codes: shown once to the inviting coordinator, stored only as a SHA-256 hash.
 * 10 characters of Crockford base32 (no I, L, O, U) give 50 bits; codes are single use
 * and expire, so guessing one is not a practical attack.
 */
import { createHash, randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function generateInviteCode(): string {
  const bytes = randomBytes(10);
  let code = '';
  for (const byte of bytes) code += ALPHABET.charAt(byte % 32);
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** Forgives what people do when copying codes: case, spaces, dashes, O for 0, I/L for 1. */
export function normalizeInviteCode(input: string): string {
  const cleaned = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return cleaned.length === 10 ? `${cleaned.slice(0, 5)}-${cleaned.slice(5)}` : cleaned;
}

export function hashInviteCode(code: string): string {
  return createHash('sha256').update(normalizeInviteCode(code)).digest('hex');
}
