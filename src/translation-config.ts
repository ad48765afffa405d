/**
 * The settings of machine translation (docs/RELAY.md, "Translation"), validated with the rest of
 * the configuration in config.ts:
 *   TWINBRIDGE_TRANSLATION=off             originals only (the default)
 *   TWINBRIDGE_TRANSLATION=libretranslate  LIBRETRANSLATE_URL, LIBRETRANSLATE_API_KEY if it asks for one
 *   TWINBRIDGE_TRANSLATION=deepl           DEEPL_API_KEY; DEEPL_API_URL for a proxy (default by the key)
 */
import { z } from 'zod';
import { secureUrl } from './secure-url.ts';
import { deeplUrlFor } from './translation/deepl.ts';

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

export const TRANSLATION_SETTINGS = {
  TWINBRIDGE_TRANSLATION: z.enum(['off', 'libretranslate', 'deepl']).default('off'),
  LIBRETRANSLATE_URL: secureUrl('the API key'),
  LIBRETRANSLATE_API_KEY: optionalText,
  DEEPL_API_KEY: optionalText,
  DEEPL_API_URL: secureUrl('the API key'),
};

type TranslationSettings = z.infer<z.ZodObject<typeof TRANSLATION_SETTINGS>>;

export type TranslationConfig =
  | { service: 'libretranslate'; url: string; apiKey: string | undefined }
  | { service: 'deepl'; url: string; apiKey: string };

/** The service asked for, or undefined; what is missing for it goes into `problems`. */
export function translationConfig(c: TranslationSettings, problems: string[]): TranslationConfig | undefined {
  switch (c.TWINBRIDGE_TRANSLATION) {
    case 'off':
      return undefined;
    case 'libretranslate':
      if (!c.LIBRETRANSLATE_URL) {
        problems.push(
          '  LIBRETRANSLATE_URL: required with TWINBRIDGE_TRANSLATION=libretranslate (e.g. http://127.0.0.1:5000)',
        );
        return undefined;
      }
      return { service: 'libretranslate', url: c.LIBRETRANSLATE_URL, apiKey: c.LIBRETRANSLATE_API_KEY };
    case 'deepl':
      if (!c.DEEPL_API_KEY) {
        problems.push(
          '  DEEPL_API_KEY: required with TWINBRIDGE_TRANSLATION=deepl (your account, "API Keys")',
        );
        return undefined;
      }
      return {
        service: 'deepl',
        url: c.DEEPL_API_URL ?? deeplUrlFor(c.DEEPL_API_KEY),
        apiKey: c.DEEPL_API_KEY,
      };
  }
}
