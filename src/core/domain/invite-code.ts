/**
 * Invite codes: shown once to the inviting coordinator, stored only as an HMAC-SHA-256 with a
 * server key (a leaked table does not let anyone test guesses offline). 16 characters of
 * Crockford base32 (no I, L, O, U) give 80 bits; codes are single use, expire, and failed joins
 * are throttled.
 */
import { createHmac, randomInt } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const INVITE_CODE_LENGTH = 16;

export function generateInviteCode(): string {
  let code = '';
  // randomInt is uniform over the alphabet (no modulo bias).
  for (let i = 0; i < INVITE_CODE_LENGTH; i++) code += ALPHABET.charAt(randomInt(ALPHABET.length));
  return groups(code);
}

function groups(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? code;
}

/** Forgives what people do when copying codes: case, spaces, dashes, O for 0, I/L for 1. */
export function normalizeInviteCode(input: string): string {
  const cleaned = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return cleaned.length === INVITE_CODE_LENGTH ? groups(cleaned) : cleaned;
}

/** The stored form of a code: HMAC-SHA-256 under the server's invite key, hex. */
export function inviteCodeDigest(key: Buffer, code: string): string {
  return createHmac('sha256', key).update(normalizeInviteCode(code)).digest('hex');
}
