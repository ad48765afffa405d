/**
 * Runs the local Discord emulator (test/emulators/discord) on its own, so `npm start` can be
 * tried against it without a Discord application:
 *
 *   npm run discord:emulator                    # prints the environment for the bot
 *   DISCORD_TOKEN=emulator-token DISCORD_API_URL=http://127.0.0.1:…/api npm start
 *
 * Two servers, "Český Krumlov" (#partneri; jana, petra) and "Passau" (#partnerstadt; max, lena),
 * with the generated slash commands already registered. Type slash commands here as the console
 * writes them (`/town register name:"Český Krumlov" country:CZ timezone:Europe/Prague language:cs`);
 * they reach the bot as interactions over the gateway, and its answers, posts and edits are printed.
 * `:server <name>`, `:channel <name>`, `:user <name>` switch who types where; `:click going|maybe|no`
 * clicks a button on the newest card in the channel; Ctrl-D ends.
 */
import { createInterface } from 'node:readline';
import { ChannelType, InteractionResponseType, MessageFlags, REST, type APIMessage } from 'discord.js';
import { commandList } from '../commands/index.ts';
import { discordCommands } from '../src/adapters/discord/command-json.ts';
import { registerCommands } from '../src/adapters/discord/command-registration.ts';
import { parseCommandText } from '../src/core/commands/text-syntax.ts';
import {
  DiscordEmulator,
  type InteractionHandle,
  type OptionValue,
} from '../test/emulators/discord/discord-emulator.ts';

const TOKEN = 'emulator-token';
const discord = await DiscordEmulator.start({
  token: TOKEN,
  guilds: [
    {
      name: 'Český Krumlov',
      preferredLocale: 'cs',
      channels: [{ name: 'general' }, { name: 'partneri' }],
      members: [
        { username: 'jana', locale: 'cs' },
        { username: 'petra', locale: 'cs' },
      ],
    },
    {
      name: 'Passau',
      preferredLocale: 'de',
      channels: [{ name: 'general' }, { name: 'partnerstadt' }],
      members: [
        { username: 'max', locale: 'de' },
        { username: 'lena', locale: 'de' },
      ],
    },
  ],
  // Nobody types within 3 s here: answers count whenever they come.
  enforceInteractionDeadline: false,
  waitTimeoutMs: 30_000,
});
await registerCommands(new REST({ api: discord.apiUrl }).setToken(TOKEN), {
  commands: discordCommands(commandList),
});

const SERVERS = ['Český Krumlov', 'Passau'];
const PEOPLE = ['jana', 'petra', 'max', 'lena'];
let server = 'Český Krumlov';
let channel = 'partneri';
let user = 'jana';
const prompt = () => `${user}@${server} #${channel}> `;

process.stdout.write(`Discord emulator: REST ${discord.apiUrl}, gateway ${discord.gatewayUrl}
Slash commands are registered. Start the bot in another terminal:

  DISCORD_TOKEN=${TOKEN} DISCORD_API_URL=${discord.apiUrl} npm start

Then type slash commands here, e.g. /help or /town info.
:server <name>, :channel <name>, :user <name> switch; :click going|maybe|no clicks the newest card; Ctrl-D ends.
`);

function show(message: APIMessage): string {
  const parts = [message.content];
  for (const embed of message.embeds) {
    parts.push(`[${embed.title ?? ''}] ${embed.description ?? ''}`);
    for (const field of embed.fields ?? []) parts.push(`  ${field.name}: ${field.value}`);
  }
  const buttons = (message.components ?? []).flatMap((row) =>
    'components' in row ? row.components.map((c) => ('label' in c ? `[${c.label}]` : '')) : [],
  );
  if (buttons.length > 0) parts.push(buttons.join(' '));
  return parts
    .filter((p) => p !== '')
    .join('\n')
    .split('\n')
    .join('\n    ');
}

/** `#partnerstadt (Passau)` for a server channel, `a direct message to max` for a DM. */
function placeOf(channelId: string): string {
  for (const name of SERVERS) {
    const found = discord.guild(name).channels.find((c) => c.id === channelId);
    if (found) return `#${found.name} (${name})`;
  }
  for (const name of PEOPLE)
    if (discord.dmChannelId(name) === channelId) return `a direct message to ${name}`;
  return `#${channelId}`;
}

/** Each bot message printed so far, with the edit it was printed at. */
const printed = new Map<string, string | null>(discord.messages().map((m) => [m.id, m.edited_timestamp]));
/**
 * Prints the bot's new posts, and its edits of posts in other channels (an exchange card redrawn
 * after someone answered elsewhere); a card clicked here is already printed with the answer.
 */
function printNewPosts(): void {
  const here = discord.channelId(channel, server);
  for (const message of discord.messages()) {
    if (message.author.id !== discord.botUser.id || message.interaction_metadata) continue;
    const seen = printed.get(message.id);
    if (seen === undefined) {
      process.stdout.write(`  ⇒ posted to ${placeOf(message.channel_id)}:\n    ${show(message)}\n`);
    } else if (seen !== message.edited_timestamp && message.channel_id !== here) {
      process.stdout.write(`  ⇒ edited in ${placeOf(message.channel_id)}:\n    ${show(message)}\n`);
    }
    printed.set(message.id, message.edited_timestamp);
  }
}
const poll = setInterval(printNewPosts, 250);

async function printAnswer(handle: InteractionHandle): Promise<void> {
  await handle.until(
    (o) =>
      o.callback !== undefined &&
      !(o.callback.type === InteractionResponseType.DeferredChannelMessageWithSource && o.edits.length === 0),
    'the bot’s answer',
  );
  await new Promise((resolve) => setTimeout(resolve, 300)); // follow-ups
  const outcome = handle.outcome();
  for (const message of [outcome.original, ...outcome.followUps]) {
    if (!message) continue;
    const mark = (message.flags ?? 0) & MessageFlags.Ephemeral ? '•' : '✓';
    process.stdout.write(`${mark} ${show(message)}\n`);
  }
}

/** Console syntax to typed interaction options, as the Discord client would send them. */
function interaction(text: string) {
  const parsed = parseCommandText(text.replace(/^\//, ''), commandList);
  if (!parsed.ok) return undefined;
  const { definition, options: raw } = parsed.value;
  const options: Record<string, OptionValue> = {};
  for (const [name, value] of Object.entries(raw)) {
    const spec = definition.options[name];
    if (spec?.type === 'integer' && /^-?\d+$/.test(value)) options[name] = Number(value);
    else if (spec?.type === 'boolean') options[name] = /^(yes|true|1|ano|ja)$/i.test(value);
    else options[name] = value;
  }
  const [name = '', second, third] = definition.path;
  return third === undefined
    ? { name, ...(second === undefined ? {} : { subcommand: second }), options }
    : { name, subcommandGroup: second, subcommand: third, options };
}

process.stdout.write('Waiting for the bot to connect…\n');
await discord.waitForReady(10 * 60_000).catch(() => undefined);
const lines = createInterface({ input: process.stdin, output: process.stdout, terminal: false });
process.stdout.write(prompt());
for await (const raw of lines) {
  const line = raw.trim();
  const [directive, ...words] = line.split(/\s+/);
  const value = words.join(' ');
  try {
    if (line === '' || line.startsWith('#')) {
      // nothing
    } else if (directive === ':server' && value) {
      server = discord.guild(value).name;
      channel =
        discord.guild(server).channels.find((c) => c.type === ChannelType.GuildText)?.name ?? 'general';
    } else if (directive === ':channel' && value) {
      discord.channelId(value.replace(/^#/, ''), server);
      channel = value.replace(/^#/, '');
    } else if (directive === ':user' && value) {
      discord.userId(value);
      user = value;
    } else if (directive === ':click' && value) {
      const cards = discord.messages(discord.channelId(channel, server)).filter((m) => m.embeds.length > 0);
      const card = cards.at(-1);
      if (!card) process.stdout.write('  (no card in this channel)\n');
      else {
        const customId = `twin:rsvp:${value}:${/^#(\d+)/.exec(card.embeds[0]?.title ?? '')?.[1] ?? '0'}`;
        await printAnswer(discord.buttonClick({ message: card.id, customId, user }));
      }
    } else {
      const input = interaction(line);
      if (!input) process.stdout.write('  (not a command; try /help)\n');
      else await printAnswer(discord.slashCommand({ ...input, user, guild: server, channel }));
    }
  } catch (error) {
    process.stdout.write(`  ${error instanceof Error ? error.message : String(error)}\n`);
  }
  printNewPosts();
  process.stdout.write(prompt());
}
clearInterval(poll);
await discord.stop();
