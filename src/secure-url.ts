/** The rule for every configured API base: https://, or plain http:// to this machine only. */
import { z } from 'zod';

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

/** Hosts on this machine: the only ones plain http:// may reach (the emulators, a local proxy). */
function isLoopback(hostname: string): boolean {
  return (
    hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname)
  );
}

/** An API base: https://, or http:// on loopback only (credentials travel with every request). */
export function secureUrl(credential: string) {
  return optionalText.pipe(
    z
      .url({ protocol: /^https?$/ })
      .refine(
        (url) => new URL(url).protocol === 'https:' || isLoopback(new URL(url).hostname),
        `https:// (http:// only on this machine: 127.0.0.0/8, ::1, localhost), as ${credential} is sent with every request`,
      )
      .optional(),
  );
}
