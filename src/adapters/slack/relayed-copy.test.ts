import { describe, expect, it } from 'vitest';
import { relayedCopyBody } from './relayed-copy.ts';

const author = { name: 'Max', town: 'Passau' };
const data = new Uint8Array([1, 2, 3]);

describe('a relayed copy’s files on Slack', () => {
  it('links a file that could not be copied by its note, and one without a note by its name', () => {
    const body = relayedCopyBody(
      {
        text: 'Plan',
        author,
        attachments: [
          {
            name: 'video.mp4',
            url: 'https://x.test/a|b',
            bytes: 9,
            note: 'file too large to copy: video.mp4 (12 MB)',
          },
          { name: 'plan <1>.pdf', url: 'https://x.test/p', bytes: 9 },
        ],
      },
      { customNames: true },
    );
    expect(body.text).toBe(
      'Plan\n📎 <https://x.test/a%7Cb|file too large to copy: video.mp4 (12 MB)>\n📎 <https://x.test/p|plan &lt;1&gt;.pdf>',
    );
  });

  it('names the files uploaded after a copy that has no text, and only then', () => {
    const uploads = [{ name: 'dom.png', data }];
    expect(relayedCopyBody({ text: '', author, uploads }, { customNames: true }).text).toBe('📎 dom.png');
    expect(relayedCopyBody({ text: 'Blick', author, uploads }, { customNames: true }).text).toBe('Blick');
  });
});
