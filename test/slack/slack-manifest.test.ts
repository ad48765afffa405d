/** The generated Slack app manifest fits Slack's limits and matches the committed file. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { commandList } from '../../commands/index.ts';
import {
  buildSlackManifest,
  SLACK_BOT_EVENTS,
  SLACK_BOT_SCOPES,
  slackUsageHint,
  type SlackManifest,
} from '../../src/adapters/slack/manifest.ts';
import { commandUsage } from '../../src/core/commands/definition.ts';
import { SUPPORTED_LANGUAGES } from '../../src/core/i18n/languages.ts';

// Slack's manifest JSON schema (github.com/slackapi/manifest-schema, schemas/manifest.schema.1.0.0.json:
// display_information, features.bot_user, features.slash_commands, event_subscriptions, oauth_config)
// and docs.slack.dev/reference/app-manifest.
const LIMITS = {
  appName: 35,
  description: 140,
  longDescription: [175, 4000] as const,
  botName: 80,
  command: 32,
  commandDescription: 2000,
  usageHint: 1000,
  commands: 50,
  events: 100,
  scopes: 255,
};

function checkLimits(manifest: SlackManifest): void {
  const info = manifest.display_information;
  expect(info.name.length).toBeLessThanOrEqual(LIMITS.appName);
  expect(info.description?.length ?? 0).toBeLessThanOrEqual(LIMITS.description);
  const long = info.long_description?.length ?? 0;
  expect(long).toBeGreaterThanOrEqual(LIMITS.longDescription[0]);
  expect(long).toBeLessThanOrEqual(LIMITS.longDescription[1]);
  expect(info.background_color).toMatch(/^#[0-9a-f]{6}$/i);
  const bot = manifest.features?.bot_user;
  expect(bot?.display_name).toMatch(/^[a-z0-9._-]{1,80}$/);
  const commands = manifest.features?.slash_commands ?? [];
  expect(commands.length).toBeGreaterThan(0);
  expect(commands.length).toBeLessThanOrEqual(LIMITS.commands);
  for (const command of commands) {
    expect(command.command).toMatch(/^\/[a-z0-9_-]+$/);
    expect(command.command.length).toBeLessThanOrEqual(LIMITS.command);
    expect(command.description.length).toBeGreaterThan(0);
    expect(command.description.length).toBeLessThanOrEqual(LIMITS.commandDescription);
    expect(command.usage_hint?.length ?? 0).toBeLessThanOrEqual(LIMITS.usageHint);
  }
  expect(manifest.settings?.event_subscriptions?.bot_events?.length ?? 0).toBeLessThanOrEqual(LIMITS.events);
  expect(manifest.oauth_config?.scopes?.bot?.length ?? 0).toBeLessThanOrEqual(LIMITS.scopes);
}

describe('Slack app manifest', () => {
  it('fits Slack’s limits in HTTP and Socket Mode', () => {
    for (const socketMode of [false, true]) {
      checkLimits(buildSlackManifest({ definitions: commandList, socketMode }));
    }
    // Also with the longest command name Slack allows.
    checkLimits(buildSlackManifest({ definitions: commandList, command: `/${'t'.repeat(31)}` }));
  });

  it('keeps every command’s usage and descriptions within what Slack shows', () => {
    expect(slackUsageHint(commandList).length).toBeLessThanOrEqual(LIMITS.usageHint);
    for (const definition of commandList) {
      expect(commandUsage(definition).length, definition.path.join(' ')).toBeLessThanOrEqual(
        LIMITS.usageHint,
      );
      for (const language of SUPPORTED_LANGUAGES) {
        // Modal labels (2000) and select options (75) are the tightest places they appear.
        for (const spec of Object.values(definition.options)) {
          expect((spec.description[language] ?? '').length).toBeLessThanOrEqual(2000);
          if (spec.type === 'choice') {
            for (const choice of spec.choices)
              expect((choice.label[language] ?? '').length).toBeLessThanOrEqual(75);
          }
        }
      }
    }
  });

  it('lists every command group in the usage hint, and the scopes and events the adapter uses', () => {
    const manifest = buildSlackManifest({ definitions: commandList, publicUrl: 'https://bot.example.org/' });
    const [command] = manifest.features?.slash_commands ?? [];
    for (const group of new Set(commandList.map((d) => d.path[0])))
      expect(command?.usage_hint).toContain(group);
    expect(command).toMatchObject({
      command: '/twin',
      should_escape: true,
      url: 'https://bot.example.org/slack/events',
    });
    expect(manifest.settings).toMatchObject({
      socket_mode_enabled: false,
      interactivity: { is_enabled: true, request_url: 'https://bot.example.org/slack/events' },
      event_subscriptions: {
        request_url: 'https://bot.example.org/slack/events',
        bot_events: [...SLACK_BOT_EVENTS],
      },
    });
    expect(manifest.oauth_config).toEqual({
      redirect_urls: ['https://bot.example.org/slack/oauth_redirect'],
      scopes: { bot: [...SLACK_BOT_SCOPES] },
    });
  });

  it('asks for what relaying members’ messages needs: message events, history, custom names, files', () => {
    const manifest = buildSlackManifest({ definitions: commandList });
    const events = manifest.settings?.event_subscriptions?.bot_events ?? [];
    expect(events).toEqual(expect.arrayContaining(['message.channels', 'message.groups']));
    expect(manifest.oauth_config?.scopes?.bot).toEqual(
      expect.arrayContaining([
        'channels:history',
        'groups:history',
        'chat:write.customize',
        'files:read',
        'files:write',
      ]),
    );
  });

  it('has no request URLs in Socket Mode', () => {
    const manifest = buildSlackManifest({ definitions: commandList, socketMode: true });
    expect(JSON.stringify(manifest)).not.toContain('/slack/events');
    expect(manifest.settings?.socket_mode_enabled).toBe(true);
  });

  it('is committed as npm run commands:slack writes it', () => {
    const committed: unknown = JSON.parse(
      readFileSync(new URL('../../generated/slack-manifest.json', import.meta.url), 'utf8'),
    );
    expect(committed, 'run npm run commands:slack').toEqual(buildSlackManifest({ definitions: commandList }));
  });
});
