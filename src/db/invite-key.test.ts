import { chmod, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { embeddedInviteKey, INVITE_KEY_FILE } from './invite-key.ts';

describe('the embedded invite key file', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'twinbridge-key-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('is created once with 32 random bytes, readable by the owner only, and kept', async () => {
    const key = await embeddedInviteKey(dir);
    expect(key).toHaveLength(32);
    const file = join(dir, INVITE_KEY_FILE);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await readFile(file, 'utf8')).trim()).toBe(key.toString('hex'));
    expect(await embeddedInviteKey(dir)).toEqual(key);
  });

  it('is refused when other users may read it, naming the fix', async () => {
    await embeddedInviteKey(dir);
    const file = join(dir, INVITE_KEY_FILE);
    await chmod(file, 0o644);
    await expect(embeddedInviteKey(dir)).rejects.toThrow(`chmod 600 ${file}`);
  });
});
