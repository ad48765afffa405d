/** The MachineTranslation the configuration asks for (TWINBRIDGE_TRANSLATION), if any. */
import type { MachineTranslation } from '../core/relay/machine-translation.ts';
import type { TranslationConfig } from '../translation-config.ts';
import { DeepLClient } from './deepl.ts';
import { LibreTranslateClient } from './libretranslate.ts';

export function configuredTranslation(config: TranslationConfig | undefined): MachineTranslation | undefined {
  if (!config) return undefined;
  return config.service === 'deepl'
    ? new DeepLClient({ apiKey: config.apiKey, url: config.url })
    : new LibreTranslateClient({ url: config.url, apiKey: config.apiKey });
}
