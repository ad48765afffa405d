import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ConsolePoster } from './console-poster.ts';

const target = {
  platform: 'CONSOLE' as const,
  communityExternalId: 'passau',
  channelId: 'partnerstadt',
  channelName: 'partnerstadt',
};

function printed(output: PassThrough): string {
  return String(output.read() ?? '');
}

describe('the console poster and reactions', () => {
  it('prints the reactions a relayed copy has elsewhere as a count line, and when none are left', async () => {
    const output = new PassThrough();
    const poster = new ConsolePoster(output);
    await poster.react(target, 'console-3', [
      { emoji: '👍', count: 2 },
      { emoji: 'custom:SLACK:T1:party_parrot', count: 1 },
    ]);
    expect(printed(output)).toBe(
      '  ⇒ reactions on console-3 in #partnerstadt in passau: 👍 2 · :party_parrot: 1\n',
    );
    await poster.react(target, 'console-3', []);
    expect(printed(output)).toBe('  ⇒ reactions on console-3 in #partnerstadt in passau: (none)\n');
  });
});

describe('a relayed copy on the console', () => {
  it('lists its files by name, without their links (a terminal cannot show them, the links expire)', async () => {
    const output = new PassThrough();
    const poster = new ConsolePoster(output);
    await poster.post(
      target,
      {
        text: 'Blick vom Dom',
        author: { name: 'Max', town: 'Passau' },
        attachments: [{ name: 'dom.png', url: 'https://discord.com/channels/1/2/3', bytes: 16 }],
      },
      'd1',
    );
    const text = printed(output);
    expect(text).toContain('    Max (Passau): Blick vom Dom\n    [file: dom.png]\n');
    expect(text).not.toContain('https://');
  });
});
