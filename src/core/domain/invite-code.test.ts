import { describe, expect, it } from 'vitest';
import { generateInviteCode, hashInviteCode, normalizeInviteCode } from './invite-code.ts';

describe('invite codes', () => {
  it('are ten base32 characters in two groups, and differ each time', () => {
    const codes = new Set(Array.from({ length: 200 }, generateInviteCode));
    expect(codes.size).toBe(200);
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
  });

  it('hash the same however the code was copied', () => {
    const code = 'AB1C0-XY2Z9';
    expect(normalizeInviteCode(' ab1co xy2z9 ')).toBe(code);
    expect(hashInviteCode('abic0xy2z9')).toBe(hashInviteCode(code));
    expect(hashInviteCode(code)).not.toBe(hashInviteCode('AB1C0-XY2Z8'));
    expect(hashInviteCode(code)).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('invite codes, details', () => {
  it('use every character of the alphabet', () => {
    // 2,000 characters: the chance that one of the 32 never appears is about 32 · (31/32)^2000.
    const seen = new Set(Array.from({ length: 200 }, generateInviteCode).join('').replaceAll('-', ''));
    expect([...seen].sort().join('')).toBe('0123456789ABCDEFGHJKMNPQRSTVWXYZ');
  });

  it('read L as 1 and O as 0, and leave a code of the wrong length ungrouped', () => {
    expect(normalizeInviteCode('lLoOi-IiiI1')).toBe('11001-11111');
    expect(normalizeInviteCode('ab-cd')).toBe('ABCD');
    expect(normalizeInviteCode('ABCDE-FGHJKM')).toBe('ABCDEFGHJKM');
  });
});
