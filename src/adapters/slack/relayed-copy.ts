/**
 * A member's message relayed into a Slack channel: their words in mrkdwn under their own name and
 * town and picture (`username` / `icon_url`, which Slack honours only with chat:write.customize;
 * without it the copy shows as the bot, the name still in the text's first line), their files as
 * links. One message of at most 40,000 characters (chat.postMessage's limit).
 */
import type { Logger, OutgoingMessage, PostAuthor } from '../../core/ports.ts';
import { neutralToMrkdwn } from './slack-markdown.ts';
import { escapeSlackText } from './slack-text.ts';

const MESSAGE_TEXT_MAX = 40_000;
/** Slack shows at most this much of a `username`. */
const USERNAME_MAX = 80;

export interface RelayedCopyBody {
  text: string;
  username: string;
  icon_url?: string;
}

/** "Jana (Český Krumlov)" */
export function copyUsername(author: PostAuthor): string {
  const name = author.town ? `${author.name} (${author.town})` : author.name;
  return name.length <= USERNAME_MAX ? name : `${name.slice(0, USERNAME_MAX - 1)}…`;
}

/** mrkdwn cut to `max` with "…", never inside a `<…>` token or an `&…;` entity. */
export function fitMrkdwn(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text
    .slice(0, max - 1)
    .replace(/<[^>]*$/, '')
    .replace(/&[a-z]{0,3}$/, '');
  return `${cut}…`;
}

export function relayedCopyBody(message: OutgoingMessage & { author: PostAuthor }): RelayedCopyBody {
  const files = (message.attachments ?? []).map(
    (file) => `📎 <${escapeSlackText(file.url).replaceAll('|', '%7C')}|${escapeSlackText(file.name)}>`,
  );
  const text = [neutralToMrkdwn(message.text), ...files].filter((part) => part !== '').join('\n');
  const icon = message.author.avatarUrl;
  return {
    text: fitMrkdwn(text || ' ', MESSAGE_TEXT_MAX),
    username: copyUsername(message.author),
    ...(icon && /^https:\/\//.test(icon) ? { icon_url: icon } : {}),
  };
}

/** What relaying needs from a workspace's scopes, and what goes missing without each. */
const RELAY_SCOPES: readonly { scope: string; without: string }[] = [
  { scope: 'chat:write.customize', without: 'relayed copies show under the bot’s name, not the author’s' },
  { scope: 'channels:history', without: 'members’ messages in public channels are not relayed from Slack' },
  { scope: 'groups:history', without: 'members’ messages in private channels are not relayed from Slack' },
];

/** Warns once per workspace and scope when a relayed post shows a scope the relay needs is missing. */
export class RelayScopeWarnings {
  private readonly warned = new Set<string>();

  constructor(private readonly logger: Logger) {}

  /** `scopes`: the token's scopes as Slack's answer listed them (x-oauth-scopes); none listed: nothing to say. */
  check(teamId: string, scopes: readonly string[] | undefined): void {
    if (!scopes || scopes.length === 0) return;
    for (const { scope, without } of RELAY_SCOPES) {
      const key = `${teamId}:${scope}`;
      if (scopes.includes(scope) || this.warned.has(key)) continue;
      this.warned.add(key);
      this.logger.warn(
        { team: teamId, scope },
        `Slack workspace without the ${scope} scope: ${without} (reinstall the app with the current manifest)`,
      );
    }
  }
}
