import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ConsolePoster } from './console-poster.ts';

describe('a relayed copy on the console', () => {
  it('lists its files by name, without their links (a terminal cannot show them, the links expire)', async () => {
    const output = new PassThrough();
    let printed = '';
    output.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')));
    const poster = new ConsolePoster(output);
    const target = {
      platform: 'CONSOLE' as const,
      communityExternalId: 'krumlov',
      channelId: 'partneri',
      channelName: 'partneri',
    };
    await poster.post(
      target,
      {
        text: 'Blick vom Dom',
        author: { name: 'Max', town: 'Passau' },
        attachments: [{ name: 'dom.png', url: 'https://discord.com/channels/1/2/3', bytes: 16 }],
      },
      'd1',
    );
    expect(printed).toContain('    Max (Passau): Blick vom Dom\n    [file: dom.png]\n');
    expect(printed).not.toContain('https://');
  });
});
