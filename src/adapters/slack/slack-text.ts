/**
 * Text between Slack and the core. Slack escapes `&`, `<` and `>` in what people type and
 * writes mentions, channels and links as `<…>` tokens (with `should_escape: true`, which the
 * manifest sets); the core's parser wants plain text. The other way, core texts must be escaped
 * so a usage line such as `event:<number>` is not read as a link.
 */

const CHANNEL_MENTION = /<#([A-Z0-9]+)(?:\|([^>]*))?>/g;

/** Channel names for mentions Slack sent without one, and what stands for a channel not known. */
export interface ChannelLabels {
  names: ReadonlyMap<string, string>;
  unknown: string;
}

/** The ids of channels mentioned without their name (`<#C123>`, `<#C123|>`), to look them up. */
export function channelsWithoutName(text: string): string[] {
  const ids = new Set<string>();
  for (const [, id, name] of text.matchAll(CHANNEL_MENTION)) if (id && !name) ids.add(id);
  return [...ids];
}

/** A slash command's (or mention's) text as the core's text syntax expects it. */
export function decodeSlackText(text: string, channels?: ChannelLabels): string {
  return (
    text
      // Links: the URL itself (an agreement link, a meeting link as a place).
      .replace(/<((?:https?|mailto|tel):[^|>]+)(?:\|[^>]*)?>/g, (_whole, url: string) => url)
      // Channels: their name, as people see them; never the raw id.
      .replace(CHANNEL_MENTION, (_whole, id: string, name: string | undefined) => {
        const known = name || channels?.names.get(id);
        return known ? `#${known}` : (channels?.unknown ?? `#${id}`);
      })
      // @here, @channel, user groups: their label; they mean nothing to the bot.
      .replace(/<!([^|>]+)(?:\|([^>]*))?>/g, (_whole, token: string, label: string | undefined) =>
        label ? label : `@${token.replace(/\^.*$/, '')}`,
      )
      // User mentions (<@U123|name>) stay: the core reads them as user options.
      .replaceAll('&lt;', '<')
      .replaceAll('&gt;', '>')
      .replaceAll('&amp;', '&')
  );
}

const USER_MENTION = /<@([UW][A-Z0-9]+)(?:\|([^>]*))?>/g;
/** Just after `user:` (or `user:"`): a user option's value, which must stay a mention. */
const AFTER_USER_OPTION = /(?:^|\s)user:["'“„‘«]?$/;

/** The ids of members mentioned in free text (not as a `user:` option), to look their names up. */
export function mentionedInText(text: string): string[] {
  const ids = new Set<string>();
  for (const match of text.matchAll(USER_MENTION)) {
    if (!AFTER_USER_OPTION.test(text.slice(0, match.index)) && !match[2] && match[1]) ids.add(match[1]);
  }
  return [...ids];
}

/**
 * Member mentions in free text (a title, an announcement) as plain names: `<@U0042|petra>` and
 * `<@U0042>` become `@petra` (the name from `names`, else the mention's label, else `unknown`,
 * a translated "@unknown user"), so partner towns on other platforms never read a raw Slack id.
 * A `user:` option keeps its mention: the core reads the id from it.
 */
export function plainMentions(text: string, names: ReadonlyMap<string, string>, unknown: string): string {
  return text.replace(USER_MENTION, (whole, id: string, label: string | undefined, offset: number) => {
    if (AFTER_USER_OPTION.test(text.slice(0, offset))) return whole;
    const name = names.get(id) ?? label;
    return name ? `@${name}` : unknown;
  });
}

/** Escapes text for Slack's mrkdwn and plain `text` fields. */
export function escapeSlackText(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** The text after a leading `<@BOTID>` mention in an app_mention event. */
export function stripLeadingMention(text: string): string {
  return text.replace(/^\s*<@[A-Z0-9]+(?:\|[^>]*)?>[\s:,]*/, '');
}
