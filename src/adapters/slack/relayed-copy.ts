/**
 * A member's message relayed into a Slack channel: their words in mrkdwn under their own name and
 * town and picture (`username` / `icon_url`, which Slack honours only with chat:write.customize;
 * without it the copy shows as the bot, with the name opening the text). Files uploaded follow it
 * (slack-files.ts); those that could not be copied are linked with a note. One message of at
 * most 40,000 characters (chat.postMessage's limit).
 */
import type { webApi } from '@slack/bolt';
import type { RelayReadingGap } from '../../core/commands/invocation.ts';
import type { Logger, OutgoingMessage, PostAuthor } from '../../core/ports.ts';
import { neutralToMrkdwn } from './slack-markdown.ts';
import { escapeSlackText } from './slack-text.ts';

type WebClient = webApi.WebClient;

export const MESSAGE_TEXT_MAX = 40_000;
/** Slack shows at most this much of a `username`. */
const USERNAME_MAX = 80;

export interface RelayedCopyBody {
  text: string;
  username?: string;
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

export function relayedCopyBody(
  message: OutgoingMessage & { author: PostAuthor },
  options: { customNames: boolean },
): RelayedCopyBody {
  const linked = (message.attachments ?? []).map(
    (file) =>
      `📎 <${escapeSlackText(file.url).replaceAll('|', '%7C')}|${escapeSlackText(file.note ?? file.name)}>`,
  );
  // Files uploaded after it (the bot's message with them): named in a copy that has no text.
  const uploaded =
    message.text.trim() === ''
      ? (message.uploads ?? []).map((file) => `📎 ${escapeSlackText(file.name)}`)
      : [];
  const files = [...uploaded, ...linked];
  // Without chat:write.customize Slack ignores the username: the name opens the text instead.
  const byline = options.customNames ? [] : [`*${escapeSlackText(copyUsername(message.author))}:*`];
  const text = [...byline, neutralToMrkdwn(message.text), ...files].filter((part) => part !== '').join('\n');
  const icon = message.author.avatarUrl;
  return {
    text: fitMrkdwn(text || ' ', MESSAGE_TEXT_MAX),
    ...(options.customNames
      ? {
          username: copyUsername(message.author),
          ...(icon && /^https:\/\//.test(icon) ? { icon_url: icon } : {}),
        }
      : {}),
  };
}

/** What relaying needs from a workspace's scopes, and what goes missing without each. */
const RELAY_SCOPES: readonly { scope: string; without: string }[] = [
  {
    scope: 'chat:write.customize',
    without: 'relayed copies show under the bot’s name, the author’s in the text',
  },
  { scope: 'channels:history', without: 'members’ messages in public channels are not relayed from Slack' },
  { scope: 'groups:history', without: 'members’ messages in private channels are not relayed from Slack' },
  { scope: 'files:read', without: 'files members share on Slack are linked in copies, not copied' },
  { scope: 'files:write', without: 'files relayed to Slack are linked, not uploaded' },
];

/**
 * The scopes each workspace granted the bot, asked once per process (auth.test, whose answer
 * lists them as every answer does), with a warning once for each scope the relay needs and lacks.
 */
export class WorkspaceScopes {
  /** Per workspace: the lookup under way or done (a failed one is forgotten, to ask again later). */
  private readonly known = new Map<string, Promise<ReadonlySet<string> | undefined>>();

  constructor(private readonly logger: Logger) {}

  /** The granted scopes, or undefined when Slack did not say (then nothing is assumed missing). */
  of(client: WebClient, teamId: string): Promise<ReadonlySet<string> | undefined> {
    let known = this.known.get(teamId);
    if (!known) {
      known = this.lookUp(client, teamId);
      this.known.set(teamId, known);
      void known.then((scopes) => {
        if (!scopes) this.known.delete(teamId);
      });
    }
    return known;
  }

  private async lookUp(client: WebClient, teamId: string): Promise<ReadonlySet<string> | undefined> {
    let listed: string[] | undefined;
    try {
      listed = (await client.auth.test()).response_metadata?.scopes;
    } catch (error) {
      this.logger.debug({ err: error, team: teamId }, 'Slack auth.test failed; scopes unknown');
      return undefined;
    }
    if (!listed || listed.length === 0) return undefined;
    const scopes = new Set(listed);
    for (const { scope, without } of RELAY_SCOPES) {
      if (scopes.has(scope)) continue;
      this.logger.warn(
        { team: teamId, scope },
        `Slack workspace without the ${scope} scope: ${without} (reinstall the app with the current manifest)`,
      );
    }
    return scopes;
  }
}

/** The scopes without which Slack never tells the bot what members write (public, private channels). */
const READING_SCOPES = ['channels:history', 'groups:history'] as const;

/**
 * What `channel relay` is told when the workspace did not grant the reading scopes; nothing when
 * it did, or when Slack did not say which it granted.
 */
export function relayReadingGap(scopes: ReadonlySet<string> | undefined): RelayReadingGap | undefined {
  const missing = READING_SCOPES.filter((scope) => scopes && !scopes.has(scope));
  return missing.length > 0 ? { kind: 'slack-scopes', scopes: missing } : undefined;
}
