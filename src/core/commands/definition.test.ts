import { describe, expect, it } from 'vitest';
import { commandId, commandUsage, defineCommand } from './definition.ts';

describe('commandUsage', () => {
  it('writes the path, then each option with a placeholder, optional ones in brackets', () => {
    const sample = defineCommand({
      path: ['sample', 'run'],
      description: { en: 'Sample' },
      role: 'anyone',
      options: {
        size: {
          type: 'choice',
          required: true,
          choices: [
            { value: 'small', label: { en: 'Small' } },
            { value: 'large', label: { en: 'Large' } },
          ],
          description: { en: 'Size' },
        },
        title: { type: 'string', required: true, maxLength: 10, description: { en: 'Title' } },
        count: { type: 'integer', description: { en: 'Count' } },
        flag: { type: 'boolean', description: { en: 'Flag' } },
        tags: { type: 'list', maxItems: 2, itemMaxLength: 5, description: { en: 'Tags' } },
        who: { type: 'user', description: { en: 'Who' } },
      },
    });
    expect(commandUsage(sample)).toBe(
      'sample run size:small|large title:<text> [count:<number>] [flag:yes|no] [tags:<a,b,…>] [who:<@user>]',
    );
    expect(commandId(sample)).toBe('sample.run');
  });
});
