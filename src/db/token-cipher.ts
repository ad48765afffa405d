/**
 * AES-256-GCM for secrets kept in the database (Slack installation tokens), as
 * `v1:<iv>:<tag>:<ciphertext>` (base64). The row's id is bound in as associated data, so a sealed
 * value copied onto another workspace's row does not open. Rotation: values sealed with an old
 * key still open, and say so, so the caller re-seals them with the current key.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const VERSION = 'v1';
const IV_BYTES = 12;

export interface Opened {
  plain: string;
  /** Sealed with an old key: seal it again with the current one. */
  stale: boolean;
}

export class TokenCipher {
  constructor(
    private readonly current: Buffer,
    private readonly old: readonly Buffer[] = [],
  ) {
    for (const key of [current, ...old]) if (key.length !== 32) throw new Error('AES-256 keys are 32 bytes');
  }

  static isSealed(value: string): boolean {
    return value.startsWith(`${VERSION}:`);
  }

  seal(plain: string, context: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.current, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [VERSION, iv, cipher.getAuthTag(), sealed]
      .map((part) => (typeof part === 'string' ? part : part.toString('base64')))
      .join(':');
  }

  /** Throws when no configured key opens it (a key missing from TWINBRIDGE_TOKEN_KEYS_OLD). */
  open(value: string, context: string): Opened {
    const [version, iv, tag, sealed, ...rest] = value.split(':');
    if (version !== VERSION || iv === undefined || tag === undefined || sealed === undefined || rest.length)
      throw new Error(`not a sealed value (expected ${VERSION}:iv:tag:ciphertext)`);
    for (const [index, key] of [this.current, ...this.old].entries()) {
      const plain = tryOpen(key, iv, tag, sealed, context);
      if (plain !== undefined) return { plain, stale: index > 0 };
    }
    throw new Error(
      'no configured key opens this sealed value (TWINBRIDGE_TOKEN_KEY, TWINBRIDGE_TOKEN_KEYS_OLD)',
    );
  }
}

function tryOpen(key: Buffer, iv: string, tag: string, sealed: string, context: string): string | undefined {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'), { authTagLength: 16 });
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(sealed, 'base64')), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}
