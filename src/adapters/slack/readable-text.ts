/**
 * What a member typed in Slack, as the core reads it: Slack's tokens decoded (slack-text.ts) and
 * the members and channels it mentions written as their names. When Slack sent only an id
 * (`<@U…>`, `<#C…>`, `<#C…|>`), the name is looked up (users.info, conversations.info), briefly:
 * Slack allows 3 s for an answer. One not told in time reads as a translated "@unknown user" or
 * "#unknown channel" in the member's language, never as the raw id.
 */
import type { webApi } from '@slack/bolt';
import { within, type DeadlineTimer } from '../../core/async/deadline.ts';
import { resolveLanguage } from '../../core/i18n/languages.ts';
import { translate } from '../../core/i18n/translator.ts';
import type { Logger } from '../../core/ports.ts';
import { PROFILE_LOOKUP_MS, type SlackProfiles } from './slack-profiles.ts';
import { channelsWithoutName, decodeSlackText, mentionedInText, plainMentions } from './slack-text.ts';

type WebClient = webApi.WebClient;

export interface ReadableTextContext {
  client: WebClient;
  teamId: string;
  /** The member's Slack locale, for the words that stand for a name nobody told. */
  locale: string | undefined;
  profiles: SlackProfiles;
  logger: Logger;
  timer?: DeadlineTimer | undefined;
}

/** `raw` (a slash command's or a mention's text) decoded, with names for the mentions in it. */
export async function readableText(raw: string, context: ReadableTextContext): Promise<string> {
  const language = resolveLanguage(context.locale);
  const unnamed = channelsWithoutName(raw);
  const mentioned = mentionedInText(decodeSlackText(raw));
  const none = new Map<string, string>();
  const [names, people] = await Promise.all([
    unnamed.length > 0 ? channelNames(unnamed, context) : none,
    mentioned.length > 0 ? context.profiles.namesOf(context.client, context.teamId, mentioned) : none,
  ]);
  const text = decodeSlackText(raw, { names, unknown: translate(language, 'mention.unknown-channel') });
  return plainMentions(text, people, translate(language, 'mention.unknown-user'));
}

/** The names of these channels, as far as Slack tells within the lookup budget. */
async function channelNames(
  ids: readonly string[],
  context: ReadableTextContext,
): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  await Promise.all(
    ids.map(async (id) => {
      const lookup = context.client.conversations.info({ channel: id }).then(
        (answer) => answer.channel?.name,
        (error: unknown) => {
          // A channel the bot cannot see, or no channels:read: it stays unnamed.
          context.logger.debug({ err: error, channel: id }, 'Slack conversations.info failed');
          return undefined;
        },
      );
      const name = await within(lookup, PROFILE_LOOKUP_MS, context.timer);
      if (name) names.set(id, name);
    }),
  );
  return names;
}
