/**
 * Emoji across platforms, for relayed reactions (docs/RELAY.md, "Reactions"). The relay knows an
 * emoji by a key: a standard emoji is its Unicode text, fully qualified (❤️ with its variation
 * selector, as Unicode's emoji data writes it); a platform's custom emoji, which exists only in
 * its own server or workspace, is `custom:<platform>:<community>:<name>` (`:<id>` after it on
 * Discord).
 *
 * Slack names standard emoji with the short names of iamcal's emoji-data (`thumbsup`, `+1`, a
 * skin tone as `+1::skin-tone-2`), which the emoji-datasource package publishes: the same table,
 * read once on first use.
 */
import { createRequire } from 'node:module';
import type { Platform } from '../../core/domain/model.ts';

/** One emoji of emoji-datasource's emoji.json: code points as hex joined by `-`. */
interface EmojiData {
  unified: string;
  non_qualified: string | null;
  short_name: string;
  short_names: string[];
  skin_variations?: Record<string, { unified: string; non_qualified: string | null }>;
}

interface Tables {
  /** Slack short name (with `::skin-tone-N` parts) → Unicode. */
  byName: Map<string, string>;
  /** Unicode, fully qualified or not → Slack's short name (its first). */
  nameOf: Map<string, string>;
  /** Unicode without variation selectors → fully qualified. */
  qualified: Map<string, string>;
}

/** Slack's skin tone numbers (2 lightest … 6 darkest) are the Fitzpatrick modifiers U+1F3FB…U+1F3FF. */
const SKIN_TONES: Record<string, string> = {
  '1F3FB': '2',
  '1F3FC': '3',
  '1F3FD': '4',
  '1F3FE': '5',
  '1F3FF': '6',
};
const CUSTOM = 'custom:';

let tables: Tables | undefined;

function loadTables(): Tables {
  if (tables) return tables;
  const data = createRequire(import.meta.url)('emoji-datasource') as EmojiData[];
  const byName = new Map<string, string>();
  const nameOf = new Map<string, string>();
  const qualified = new Map<string, string>();
  const add = (names: readonly string[], unified: string, nonQualified: string | null) => {
    const text = fromHex(unified);
    for (const name of names) byName.set(name, text);
    for (const form of [text, ...(nonQualified ? [fromHex(nonQualified)] : [])]) {
      if (!nameOf.has(form) && names[0]) nameOf.set(form, names[0]);
    }
    qualified.set(withoutSelectors(text), text);
  };
  for (const emoji of data) {
    add(emoji.short_names, emoji.unified, emoji.non_qualified);
    for (const [tones, variation] of Object.entries(emoji.skin_variations ?? {})) {
      const suffix = tones
        .split('-')
        .map((tone) => `::skin-tone-${SKIN_TONES[tone] ?? ''}`)
        .join('');
      add(
        emoji.short_names.map((name) => `${name}${suffix}`),
        variation.unified,
        variation.non_qualified,
      );
    }
  }
  tables = { byName, nameOf, qualified };
  return tables;
}

function fromHex(unified: string): string {
  return String.fromCodePoint(...unified.split('-').map((hex) => parseInt(hex, 16)));
}

function withoutSelectors(text: string): string {
  return text.replace(/\uFE0F/g, '');
}

/** The key of a standard emoji written in Unicode (as Discord gives it): fully qualified when known. */
export function unicodeEmojiKey(text: string): string {
  return loadTables().qualified.get(withoutSelectors(text)) ?? text;
}

/** The key of a Slack emoji name: its Unicode when it is a standard one, else the workspace's custom emoji. */
export function slackEmojiKey(name: string, teamId: string): string {
  return loadTables().byName.get(name) ?? customEmojiKey('SLACK', teamId, name);
}

/** Slack's name for a key in a workspace; undefined when it has none there (another platform's custom emoji). */
export function slackEmojiName(key: string, teamId: string): string | undefined {
  const custom = parseCustomEmoji(key);
  if (custom) return custom.platform === 'SLACK' && custom.community === teamId ? custom.name : undefined;
  return loadTables().nameOf.get(key) ?? loadTables().nameOf.get(withoutSelectors(key));
}

export interface CustomEmoji {
  platform: Platform;
  community: string;
  name: string;
  /** Discord's emoji id. */
  id?: string;
}

export function customEmojiKey(platform: Platform, community: string, name: string, id?: string): string {
  return `${CUSTOM}${platform}:${community}:${name}${id ? `:${id}` : ''}`;
}

export function parseCustomEmoji(key: string): CustomEmoji | undefined {
  if (!key.startsWith(CUSTOM)) return undefined;
  const [platform, community, name, id] = key.slice(CUSTOM.length).split(':');
  if (!platform || !community || !name) return undefined;
  return { platform: platform as Platform, community, name, ...(id ? { id } : {}) };
}
