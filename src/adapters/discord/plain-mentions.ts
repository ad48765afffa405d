/**
 * Discord's mention tokens in what a member types into a text option (a title, an announcement,
 * a description): `<@id>` and `<@!id>` (members), `<@&id>` (roles) and `<#id>` (channels) become
 * the names people see — `@Max`, `@Koordinatoren`, `#partnerstadt` — so partner towns on other
 * platforms never read a raw id. Names come from the interaction's resolved data (Discord
 * resolves the mentions typed in a string option too), then the client's caches; a mention
 * neither knows reads as a translated "@unknown user". The result is plain text: it mentions
 * nobody on Discord (allowed_mentions is empty on every post) and Slack escapes it.
 */
import { GuildMember, type ChatInputCommandInteraction } from 'discord.js';
import { resolveLanguage, type SupportedLanguage } from '../../core/i18n/languages.ts';
import { translate } from '../../core/i18n/translator.ts';

const MENTION = /<(@!?|@&|#)(\d{1,20})>/g;
const HAS_MENTION = /<(?:@!?|@&|#)\d{1,20}>/;

/** The names behind mention ids, as far as Discord told them. */
export interface MentionNames {
  member(id: string): string | undefined;
  role(id: string): string | undefined;
  channel(id: string): string | undefined;
}

/** `text` with each mention written as the name it stands for. */
export function plainMentions(text: string, names: MentionNames, language: SupportedLanguage): string {
  return text.replace(MENTION, (_whole, kind: string, id: string) => {
    if (kind === '#') {
      const name = names.channel(id);
      return name ? `#${name}` : translate(language, 'mention.unknown-channel');
    }
    if (kind === '@&') {
      const name = names.role(id);
      // @everyone is a role named "@everyone".
      if (name) return name.startsWith('@') ? name : `@${name}`;
      return translate(language, 'mention.unknown-role');
    }
    const name = names.member(id);
    return name ? `@${name}` : translate(language, 'mention.unknown-user');
  });
}

/** Names from the interaction's resolved data, then from what the client has cached. */
export function interactionMentionNames(interaction: ChatInputCommandInteraction): MentionNames {
  const resolved = interaction.options.resolved;
  const { guild, client } = interaction;
  return {
    member: (id) => {
      const member = resolved?.members?.get(id) ?? guild?.members.cache.get(id);
      if (member instanceof GuildMember) return member.displayName;
      const user = resolved?.users?.get(id) ?? client.users.cache.get(id);
      return member?.nick ?? user?.globalName ?? user?.username;
    },
    role: (id) => (resolved?.roles?.get(id) ?? guild?.roles.cache.get(id))?.name,
    channel: (id) => {
      const channel = resolved?.channels?.get(id) ?? client.channels.cache.get(id);
      return channel && 'name' in channel && channel.name ? channel.name : undefined;
    },
  };
}

/** The command's options with mentions in text values written as names (ids of user options stay). */
export function withPlainMentions(
  options: Record<string, unknown>,
  interaction: ChatInputCommandInteraction,
): Record<string, unknown> {
  const texts = Object.entries(options).filter(
    (entry): entry is [string, string] => typeof entry[1] === 'string' && HAS_MENTION.test(entry[1]),
  );
  if (texts.length === 0) return options;
  const names = interactionMentionNames(interaction);
  const language = resolveLanguage(interaction.locale);
  const plain = { ...options };
  for (const [name, value] of texts) plain[name] = plainMentions(value, names, language);
  return plain;
}
