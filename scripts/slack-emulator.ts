/**
 * Runs the local Slack emulator (test/emulators/slack) on its own, so `npm start` can be tried
 * against it without a Slack workspace:
 *
 *   npm run slack:emulator                      # prints the environment for the bot
 *   SLACK_API_URL=… SLACK_BOT_TOKEN=… SLACK_SIGNING_SECRET=… SLACK_PORT=3000 npm start
 *
 * Then type slash commands here (`/twin help`, `/twin town info`); they are delivered to the bot
 * as signed HTTP requests (or over Socket Mode once the bot connected with SLACK_APP_TOKEN), and
 * the bot's answers and posts are printed. `:user <name>` and `:channel <name>` switch who types
 * where (created on first use).
 */
import { createInterface } from 'node:readline';
import { SlackEmulator, type StoredMessage } from '../test/emulators/slack/slack-emulator.ts';

const botUrl = process.env.SLACK_BOT_URL ?? 'http://127.0.0.1:3000/slack/events';
const slack = await SlackEmulator.start();
const ws = slack.workspace();
const users = new Map<string, string>([['alice', ws.defaultUserId]]);
const channels = new Map<string, string>([['general', ws.generalChannelId ?? '']]);
let user = 'alice';
let channel = 'general';

process.stdout
  .write(`Slack emulator at ${slack.url} (workspace ${ws.teamId}, #general = ${ws.generalChannelId ?? ''})

HTTP mode:   SLACK_API_URL=${slack.apiUrl} SLACK_BOT_TOKEN=${ws.botToken} SLACK_SIGNING_SECRET=${slack.signingSecret} SLACK_PORT=3000 npm start
Socket Mode: SLACK_API_URL=${slack.apiUrl} SLACK_BOT_TOKEN=${ws.botToken} SLACK_APP_TOKEN=${slack.appToken} npm start

Type /twin commands; :user <name>, :channel <name> switch; Ctrl-D ends.
`);

let printed = 0;
function printNewMessages(): void {
  const all: StoredMessage[] = slack.messages(undefined, { includeDeleted: true });
  for (const message of all.slice(printed)) {
    const where = slack.channel(message.channel)?.name ?? message.channel;
    process.stdout.write(`  ⇒ #${where}: ${message.text.split('\n').join('\n    ')}\n`);
  }
  printed = all.length;
}
const poll = setInterval(printNewMessages, 250);

const lines = createInterface({ input: process.stdin });
for await (const raw of lines) {
  const line = raw.trim();
  if (line === '') continue;
  const [directive, name] = line.split(/\s+/);
  if (directive === ':user' && name) {
    if (!users.has(name)) users.set(name, slack.addUser({ name }).id);
    user = name;
    continue;
  }
  if (directive === ':channel' && name) {
    if (!channels.has(name)) channels.set(name, slack.addChannel({ name }).id);
    channel = name;
    continue;
  }
  const match = /^(\/[a-z0-9_-]+)\s*(.*)$/.exec(line);
  if (!match?.[1]) {
    process.stdout.write('  (type a slash command, e.g. /twin help)\n');
    continue;
  }
  const input = {
    command: match[1],
    text: match[2] ?? '',
    userId: users.get(user),
    channelId: channels.get(channel),
  };
  try {
    let responseUrl: string | undefined;
    if (slack.socket.openConnections > 0) {
      const envelope = slack.socket.slashCommand(input);
      await envelope.waitForAck();
      responseUrl = envelope.responseUrl;
    } else {
      const delivery = await slack.http(botUrl).slashCommand(input);
      if (delivery.status !== 200) process.stdout.write(`  bot answered HTTP ${delivery.status}\n`);
      responseUrl = delivery.responseUrl;
    }
    const answer = await slack.waitForResponse(responseUrl ?? '', 10_000);
    const text = typeof answer.body['text'] === 'string' ? answer.body['text'] : JSON.stringify(answer.body);
    const kind = answer.body['response_type'] === 'in_channel' ? '✓' : '•';
    process.stdout.write(`  ${kind} ${text.split('\n').join('\n    ')}\n`);
  } catch (error) {
    process.stdout.write(`  ✗ ${error instanceof Error ? error.message : String(error)}\n`);
  }
  await new Promise((resolve) => setTimeout(resolve, 300));
  printNewMessages();
}
clearInterval(poll);
await slack.stop();
