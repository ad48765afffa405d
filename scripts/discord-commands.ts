/**
 * Generates the Discord slash commands from commands/ and registers them.
 *
 *   npm run commands:discord                 # writes generated/discord-commands.json; with
 *                                            # DISCORD_TOKEN also registers and says what changed
 *   npm run commands:discord -- --dry-run    # what would change, nothing registered
 *   npm run commands:discord -- --stdout     # print the JSON instead of writing the file
 *
 * Registers globally, or to one server with DISCORD_GUILD_ID (instant; global commands can take
 * a while to reach every server). DISCORD_API_URL points it at a REST proxy or the emulator.
 * Reads .env like `npm start`.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { REST } from 'discord.js';
import { commandList } from '../commands/index.ts';
import { discordCommands } from '../src/adapters/discord/command-json.ts';
import { describeRegistration, registerCommands } from '../src/adapters/discord/command-registration.ts';
import { ConfigError, loadConfig } from '../src/config.ts';

export const COMMANDS_PATH = fileURLToPath(new URL('../generated/discord-commands.json', import.meta.url));

const { values } = parseArgs({
  options: {
    'dry-run': { type: 'boolean', default: false },
    stdout: { type: 'boolean', default: false },
  },
});

const commands = discordCommands(commandList);
const json = `${JSON.stringify(commands, null, 2)}\n`;
if (values.stdout) {
  process.stdout.write(json);
} else {
  await mkdir(dirname(COMMANDS_PATH), { recursive: true });
  await writeFile(COMMANDS_PATH, json);
  process.stdout.write(
    `Wrote ${relative(process.cwd(), COMMANDS_PATH)}: ${commands.length} commands (${commands.map((c) => `/${c.name}`).join(' ')}).\n`,
  );
}

if (existsSync('.env')) process.loadEnvFile('.env');
let discord;
try {
  discord = loadConfig(process.env).discord;
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(2);
}
if (!discord) {
  process.stdout.write('DISCORD_TOKEN is not set: nothing registered (the file above is for review).\n');
} else {
  const rest = new REST(discord.apiUrl ? { api: discord.apiUrl } : {}).setToken(discord.token);
  try {
    const result = await registerCommands(rest, {
      commands,
      guildId: discord.guildId,
      dryRun: values['dry-run'],
    });
    process.stdout.write(`${describeRegistration(result, values['dry-run'])}\n`);
  } catch (error) {
    process.stderr.write(
      `Registering the commands failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exitCode = 1;
  }
}
