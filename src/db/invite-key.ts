/**
 * The invite-code HMAC key of an embedded deployment, kept beside its database: `invite.key` in
 * the data directory, created once with mode 0600 (the directory itself is 0700). PostgreSQL
 * deployments set TWINBRIDGE_INVITE_KEY instead, so every process hashes codes alike.
 */
import { randomBytes } from 'node:crypto';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

export const INVITE_KEY_FILE = 'invite.key';

export async function embeddedInviteKey(dataDir: string): Promise<Buffer> {
  // An in-memory database forgets its invites anyway.
  if (dataDir === ':memory:') return randomBytes(32);
  const file = join(resolve(dataDir), INVITE_KEY_FILE);
  try {
    // 'wx': never overwrite a key another process just wrote (its codes would stop working).
    await writeFile(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const { mode } = await stat(file);
  if ((mode & 0o077) !== 0) {
    throw new Error(
      `${file} may be read by other users (mode ${(mode & 0o777).toString(8)}): run chmod 600 ${file}`,
    );
  }
  const key = Buffer.from((await readFile(file, 'utf8')).trim(), 'hex');
  if (key.length < 32) throw new Error(`${file} holds no key: remove it and start again`);
  return key;
}
