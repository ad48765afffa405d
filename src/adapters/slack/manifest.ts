/**
 * The Slack app manifest (docs.slack.dev/reference/app-manifest), generated from the command
 * definitions: one `/twin` command whose usage hint lists the command groups, the bot scopes
 * the adapter uses, interactivity for buttons and modals, and the events it listens to.
 * `npm run commands:slack` writes it to generated/slack-manifest.json.
 */
import type { webApi } from '@slack/bolt';
import { DEFAULT_SLACK_COMMAND } from '../../core/commands/command-syntax.ts';
import type { CommandDefinition } from '../../core/commands/definition.ts';

export type SlackManifest = webApi.AppsManifestCreateArguments['manifest'];

/**
 * Bot scopes, each for something the adapter does:
 * commands (/twin), chat:write (posts, answers, card updates), im:write (direct messages:
 * reminders, notices to coordinators), users:read (a person's name and Slack language),
 * app_mentions:read (@Twinbridge <command>), channels:history and groups:history (members'
 * messages in public and private channels, for the relay; and after a post whose outcome is
 * unknown, find the bot's own message by its metadata instead of posting twice),
 * channels:read and groups:read (is the bot in the channel a command links? conversations.info),
 * chat:write.customize (a relayed copy shows its author's name, town and picture),
 * reactions:read and reactions:write (reactions on relayed messages: members' are told, the
 * ones made elsewhere are added as the bot's own), files:read (read a file a member shared, to
 * copy it to partner channels), files:write (upload a relayed file with its copy).
 */
export const SLACK_BOT_SCOPES = [
  'commands',
  'chat:write',
  'im:write',
  'users:read',
  'app_mentions:read',
  'channels:history',
  'groups:history',
  'channels:read',
  'groups:read',
  'chat:write.customize',
  'reactions:read',
  'reactions:write',
  'files:read',
  'files:write',
] as const;

/**
 * Events the adapter subscribes to: mentions run commands; uninstalls delete stored tokens;
 * messages in public (message.channels) and private (message.groups) channels are relayed, and
 * reactions to them (reaction_added, reaction_removed).
 */
export const SLACK_BOT_EVENTS = [
  'app_mention',
  'app_uninstalled',
  'tokens_revoked',
  'message.channels',
  'message.groups',
  'reaction_added',
  'reaction_removed',
] as const;

/** Paths the HTTP receiver serves. */
export const SLACK_PATHS = {
  events: '/slack/events',
  install: '/slack/install',
  oauthRedirect: '/slack/oauth_redirect',
  health: '/healthz',
} as const;

export { DEFAULT_SLACK_COMMAND };

/** Where the bot is reachable in HTTP mode, until `--url` says otherwise. */
export const PLACEHOLDER_PUBLIC_URL = 'https://twinbridge.example.org';

export interface ManifestOptions {
  definitions: readonly CommandDefinition[];
  /** Default `/twin`. */
  command?: string;
  /** Socket Mode: no request URLs; the app connects out with an app-level token. */
  socketMode?: boolean;
  /** HTTPS origin the bot is reachable at (HTTP mode, and OAuth redirects in both modes). */
  publicUrl?: string;
  /** Include the OAuth redirect URL (installation in several workspaces). Default true. */
  oauth?: boolean;
  name?: string;
}

const LONG_DESCRIPTION =
  'Twinbridge coordinates town twinning: the long-term partnerships between municipalities in ' +
  'different countries. Coordinators register their town, invite partner towns, link channels and ' +
  'create exchanges (delegation visits, youth and school exchanges, citizens’ meetings); members ' +
  'answer going, maybe or not going with one click, and every partner channel gets posts in its own ' +
  'language, with times shown in each reader’s time zone. Partner towns may use Slack, Discord or ' +
  'the console: all talk to the same bot.';

/** `town|partner|…|help <verb> name:value …` */
export function slackUsageHint(definitions: readonly CommandDefinition[]): string {
  const groups = [...new Set(definitions.map((d) => d.path[0]))];
  return `${groups.join('|')} <verb> name:value … (help lists every command)`;
}

export function buildSlackManifest(options: ManifestOptions): SlackManifest {
  const command = options.command ?? DEFAULT_SLACK_COMMAND;
  const origin = (options.publicUrl ?? PLACEHOLDER_PUBLIC_URL).replace(/\/+$/, '');
  const socketMode = options.socketMode ?? false;
  const requestUrl = `${origin}${SLACK_PATHS.events}`;
  const groups = [...new Set(options.definitions.map((d) => d.path[0]))];
  return {
    _metadata: { major_version: 1, minor_version: 1 },
    display_information: {
      name: options.name ?? 'Twinbridge',
      description: 'Town twinning: partner towns, exchanges and RSVPs across Slack and Discord.',
      long_description: LONG_DESCRIPTION,
      background_color: '#1d4e89',
    },
    features: {
      app_home: {
        home_tab_enabled: false,
        // Direct messages (reminders, notices) arrive in the app's Messages tab; replies are not read.
        messages_tab_enabled: true,
        messages_tab_read_only_enabled: true,
      },
      bot_user: { display_name: 'twinbridge', always_online: true },
      slash_commands: [
        {
          command,
          description: `Town twinning: ${groups.join(', ')}`,
          usage_hint: slackUsageHint(options.definitions),
          should_escape: true,
          ...(socketMode ? {} : { url: requestUrl }),
        },
      ],
    },
    oauth_config: {
      ...(options.oauth === false ? {} : { redirect_urls: [`${origin}${SLACK_PATHS.oauthRedirect}`] }),
      scopes: { bot: [...SLACK_BOT_SCOPES] },
    },
    settings: {
      event_subscriptions: {
        ...(socketMode ? {} : { request_url: requestUrl }),
        bot_events: [...SLACK_BOT_EVENTS],
      },
      interactivity: { is_enabled: true, ...(socketMode ? {} : { request_url: requestUrl }) },
      org_deploy_enabled: false,
      socket_mode_enabled: socketMode,
      token_rotation_enabled: false,
    },
  };
}
