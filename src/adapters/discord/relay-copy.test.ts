import { describe, expect, it } from 'vitest';
import { messageRef, parseMessageRef, relayContent, threadName, webhookUsername } from './relay-copy.ts';

describe('a relayed copy on Discord', () => {
  it('is posted as "Name (Town)" within 80 characters, without the words Discord refuses', () => {
    expect(webhookUsername({ name: 'Jana', town: 'Český Krumlov' })).toBe('Jana (Český Krumlov)');
    const long = webhookUsername({ name: 'J'.repeat(100), town: 'Passau' });
    expect(long).toHaveLength(80);
    expect(long.endsWith('… (Passau)')).toBe(true);
    const refused = webhookUsername({ name: 'Discord Clyde DISCORD', town: 'Passau' });
    expect(refused).not.toMatch(/discord|clyde/i);
    expect(refused).toHaveLength('Discord Clyde DISCORD (Passau)'.length);
    expect(webhookUsername({ name: '  ', town: '' })).toBe('?');
  });

  it('keeps content within 2,000 characters, attachments as links below the shortened text', () => {
    expect(relayContent({ text: 'x'.repeat(2500) })).toHaveLength(2000);
    expect(relayContent({ text: 'x'.repeat(2500) }).endsWith('…')).toBe(true);
    const file = { name: 'plan [v2].pdf', url: 'https://cdn.example.org/plan.pdf', bytes: 10 };
    const withFile = relayContent({ text: 'y'.repeat(2500), attachments: [file] });
    expect(withFile).toHaveLength(2000);
    expect(withFile.endsWith('\n📎 [plan v2.pdf](https://cdn.example.org/plan.pdf)')).toBe(true);
    expect(relayContent({ text: '', attachments: [file] })).toBe(
      '📎 [plan v2.pdf](https://cdn.example.org/plan.pdf)',
    );
    expect(relayContent({ text: '  ' })).toBe('…');
  });

  it('names a thread after the reply’s first line, and knows messages in threads by both ids', () => {
    expect(threadName('\nKdo jede?\nMy')).toBe('Kdo jede?');
    expect(threadName('z'.repeat(150))).toHaveLength(100);
    expect(parseMessageRef(messageRef('2', '1'))).toEqual({ threadId: '1', messageId: '2' });
    expect(parseMessageRef(messageRef('2'))).toEqual({ threadId: undefined, messageId: '2' });
  });
});
