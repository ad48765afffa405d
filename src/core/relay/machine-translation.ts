/**
 * The port to a machine translation service (docs/RELAY.md, "Translation"): a text into a
 * language, with the language the service took it for. Implementations live outside the core
 * (src/translation/: LibreTranslate, DeepL); the core never sees HTTP.
 */

export interface MachineTranslated {
  text: string;
  /** The language the service detected, as a BCP 47 tag in any case ("de", "EN"); null if it did not say. */
  sourceLanguage: string | null;
}

export interface MachineTranslation {
  /** Names the service in logs: "libretranslate", "deepl". */
  readonly service: string;
  /**
   * Translates `text` into `targetLanguage` (a BCP 47 tag: "cs", "en-GB"), detecting the source
   * language. Rejects when the service fails or `signal` aborts; the reason never carries the
   * text or a key, since it is logged.
   */
  translate(text: string, targetLanguage: string, signal: AbortSignal): Promise<MachineTranslated>;
}

/** A failure the service answered with, said without the text or the key. */
export class MachineTranslationError extends Error {
  override readonly name = 'MachineTranslationError';
}
