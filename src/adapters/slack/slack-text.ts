/**
 * Text between Slack and the core. Slack escapes `&`, `<` and `>` in what people type and
 * writes mentions, channels and links as `<…>` tokens (with `should_escape: true`, which the
 * manifest sets); the core's parser wants plain text. The other way, core texts must be escaped
 * so a usage line such as `event:<number>` is not read as a link.
 */

/** A slash command's (or mention's) text as the core's text syntax expects it. */
export function decodeSlackText(text: string): string {
  return (
    text
      // Links: the URL itself (an agreement link, a meeting link as a place).
      .replace(/<((?:https?|mailto|tel):[^|>]+)(?:\|[^>]*)?>/g, (_whole, url: string) => url)
      // Channels: their name, as people see them.
      .replace(/<#([A-Z0-9]+)(?:\|([^>]*))?>/g, (_whole, id: string, name: string | undefined) =>
        name ? `#${name}` : `#${id}`,
      )
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

/** Escapes text for Slack's mrkdwn and plain `text` fields. */
export function escapeSlackText(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** The text after a leading `<@BOTID>` mention in an app_mention event. */
export function stripLeadingMention(text: string): string {
  return text.replace(/^\s*<@[A-Z0-9]+(?:\|[^>]*)?>[\s:,]*/, '');
}
