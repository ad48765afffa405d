import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateInviteCode, inviteCodeDigest, normalizeInviteCode } from './invite-code.ts';

const KEY = Buffer.alloc(32, 7);
const OTHER_KEY = Buffer.alloc(32, 8);

describe('invite codes', () => {
  it('are sixteen base32 characters (80 bits) in four groups, and differ each time', () => {
    const codes = new Set(Array.from({ length: 200 }, generateInviteCode));
    expect(codes.size).toBe(200);
    const group = '[0-9A-HJKMNP-TV-Z]{4}';
    for (const code of codes) expect(code).toMatch(new RegExp(`^${group}-${group}-${group}-${group}$`));
  });

  it('hash the same however the code was copied', () => {
    const code = 'AB1C-0XY2-Z9AB-CDEF';
    expect(normalizeInviteCode(' ab1co xy2z9ab cdef ')).toBe(code);
    expect(inviteCodeDigest(KEY, 'abic0xy2z9abcdef')).toBe(inviteCodeDigest(KEY, code));
    expect(inviteCodeDigest(KEY, code)).not.toBe(inviteCodeDigest(KEY, 'AB1C-0XY2-Z9AB-CDEG'));
    expect(inviteCodeDigest(KEY, code)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('are stored as an HMAC-SHA-256 under the server key, not a bare SHA-256', () => {
    const code = 'AB1C-0XY2-Z9AB-CDEF';
    expect(inviteCodeDigest(KEY, code)).toBe(createHmac('sha256', KEY).update(code).digest('hex'));
    expect(inviteCodeDigest(KEY, code)).not.toBe(createHash('sha256').update(code).digest('hex'));
    expect(inviteCodeDigest(KEY, code)).not.toBe(inviteCodeDigest(OTHER_KEY, code));
  });
});

describe('invite codes, details', () => {
  it('use every character of the alphabet', () => {
    // 3,200 characters: the chance that one of the 32 never appears is about 32 · (31/32)^3200.
    const seen = new Set(Array.from({ length: 200 }, generateInviteCode).join('').replaceAll('-', ''));
    expect([...seen].sort().join('')).toBe('0123456789ABCDEFGHJKMNPQRSTVWXYZ');
  });

  it('read L as 1 and O as 0, and leave a code of the wrong length ungrouped', () => {
    expect(normalizeInviteCode('lLoO-iIii-I1ab-cdef')).toBe('1100-1111-11AB-CDEF');
    expect(normalizeInviteCode('ab-cd')).toBe('ABCD');
    expect(normalizeInviteCode('ABCDE-FGHJKM')).toBe('ABCDEFGHJKM');
  });
});
