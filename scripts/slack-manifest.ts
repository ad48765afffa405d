/**
 * Writes the Slack app manifest generated from commands/ (see src/adapters/slack/manifest.ts).
 *
 *   npm run commands:slack                                   # generated/slack-manifest.json
 *   npm run commands:slack -- --url https://bot.example.org  # your public HTTPS origin
 *   npm run commands:slack -- --socket-mode                  # Socket Mode: no request URLs
 *   npm run commands:slack -- --stdout                       # print instead of writing
 *
 * The command name follows SLACK_COMMAND (default /twin). Paste the file into
 * api.slack.com/apps → Create New App → From an app manifest.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { commandList } from '../commands/index.ts';
import { buildSlackManifest } from '../src/adapters/slack/manifest.ts';

export const MANIFEST_PATH = fileURLToPath(new URL('../generated/slack-manifest.json', import.meta.url));

const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    'socket-mode': { type: 'boolean', default: false },
    'no-oauth': { type: 'boolean', default: false },
    command: { type: 'string' },
    stdout: { type: 'boolean', default: false },
    out: { type: 'string' },
  },
});

const command = values.command ?? process.env.SLACK_COMMAND;
const manifest = buildSlackManifest({
  definitions: commandList,
  socketMode: values['socket-mode'],
  oauth: !values['no-oauth'],
  ...(values.url ? { publicUrl: values.url } : {}),
  ...(command ? { command } : {}),
});
const json = `${JSON.stringify(manifest, null, 2)}\n`;
if (values.stdout) {
  process.stdout.write(json);
} else {
  const path = values.out ?? MANIFEST_PATH;
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, json);
  process.stdout.write(`wrote ${path}\n`);
}
