/** Every command definition must fit both platforms' limits, in every catalog language. */
import { describe, expect, it } from 'vitest';
import { commandUsage } from '../src/core/commands/definition.ts';
import { SUPPORTED_LANGUAGES } from '../src/core/i18n/languages.ts';
import { commandList, commands } from './index.ts';

const DISCORD_NAME = /^[-_\p{Ll}\p{Lo}\p{N}]{1,32}$/u;

describe('command definitions', () => {
  it('are keyed by their path', () => {
    for (const [id, definition] of Object.entries(commands)) expect(definition.path.join('.')).toBe(id);
  });

  it.each(commandList.map((d) => [d.path.join(' '), d] as const))(
    '%s fits Discord and Slack limits',
    (_, definition) => {
      expect(definition.path.length).toBeLessThanOrEqual(3);
      for (const word of definition.path) expect(word).toMatch(DISCORD_NAME);
      for (const language of SUPPORTED_LANGUAGES) {
        const text = definition.description[language];
        expect(text, `${language} description`).toBeDefined();
        expect(text?.length).toBeGreaterThan(0);
        expect(text?.length).toBeLessThanOrEqual(100);
      }
      const options = Object.entries(definition.options);
      expect(options.length).toBeLessThanOrEqual(25);
      for (const [name, spec] of options) {
        expect(name).toMatch(DISCORD_NAME);
        for (const language of SUPPORTED_LANGUAGES) {
          expect(spec.description[language]?.length, `${name} ${language}`).toBeGreaterThan(0);
          expect(spec.description[language]?.length, `${name} ${language}`).toBeLessThanOrEqual(100);
        }
        if (spec.type === 'choice') {
          expect(spec.choices.length).toBeLessThanOrEqual(25);
          for (const choice of spec.choices) {
            for (const language of SUPPORTED_LANGUAGES) {
              expect(choice.label[language]?.length, `${name} ${choice.value} ${language}`).toBeGreaterThan(
                0,
              );
              expect(choice.label[language]?.length).toBeLessThanOrEqual(100);
            }
          }
        }
      }
      // Slack: the usage hint of /twin is at most 1,000 characters.
      expect(commandUsage(definition).length).toBeLessThanOrEqual(1000);
    },
  );

  it('fit Discord’s 25 subcommands per group', () => {
    const perGroup = new Map<string, number>();
    for (const d of commandList) perGroup.set(d.path[0], (perGroup.get(d.path[0]) ?? 0) + 1);
    for (const count of perGroup.values()) expect(count).toBeLessThanOrEqual(25);
    expect(perGroup.size).toBeLessThanOrEqual(100);
  });
});
