/**
 * Discord's attachment CDN as the emulator serves it (developers/reference.mdx, "Signed
 * Attachment CDN URLs"): every attachment URL carries `ex` (expiry) and `is` (issue time) as hex
 * Unix seconds and `hm`, a signature over the path and both times. A URL past its `ex`, or
 * whose signature does not match, answers 404 "This content is no longer available.", as
 * Discord's CDN does. Payloads the bot reads through REST (Get Channel Message(s)) carry URLs
 * signed anew, so an expired link is renewed by fetching its message.
 *
 *   discord.advanceCdnClock(25 * 60 * 60_000);   // the links handed out so far have expired
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { APIAttachment, APIMessage } from 'discord.js';

/** How long a signed URL lasts: Discord's links expire about a day after they are issued. */
export const SIGNED_URL_TTL_MS = 24 * 60 * 60_000;

export class AttachmentCdn {
  readonly #secret = randomBytes(16).toString('hex');
  #offsetMs = 0;

  constructor(private readonly origin: () => string) {}

  /** The CDN's time: the system's, moved on by advance(). */
  now(): number {
    return Date.now() + this.#offsetMs;
  }

  /** Moves the CDN's clock on (links issued before expire once it passes their `ex`). */
  advance(ms: number): void {
    this.#offsetMs += ms;
  }

  /** A signed URL for an attachment's path (`/attachments/{channel}/{id}/{name}`), valid from now. */
  signedUrl(path: string): string {
    const issued = Math.floor(this.now() / 1000);
    const expires = Math.floor((this.now() + SIGNED_URL_TTL_MS) / 1000);
    const ex = expires.toString(16);
    const is = issued.toString(16);
    return `${this.origin()}${path}?ex=${ex}&is=${is}&hm=${this.#signature(path, ex, is)}&`;
  }

  /** True when the URL is signed by this CDN and has not expired. */
  serves(url: URL): boolean {
    const ex = url.searchParams.get('ex');
    const is = url.searchParams.get('is');
    const hm = url.searchParams.get('hm');
    if (!ex || !is || !hm || hm !== this.#signature(url.pathname, ex, is)) return false;
    return Number.parseInt(ex, 16) * 1000 > this.now();
  }

  /** The message with its attachments' URLs signed anew, as a REST read hands them out. */
  resigned(message: APIMessage): APIMessage {
    if (message.attachments.length === 0) return message;
    return { ...message, attachments: message.attachments.map((a) => this.#resignedAttachment(a)) };
  }

  #resignedAttachment(attachment: APIAttachment): APIAttachment {
    const path = new URL(attachment.url).pathname;
    const url = this.signedUrl(path);
    return { ...attachment, url, proxy_url: url };
  }

  #signature(path: string, ex: string, is: string): string {
    return createHmac('sha256', this.#secret).update(`${path}\n${ex}\n${is}`).digest('hex');
  }
}
