/**
 * Generated invocations of every command definition: option values drawn from what people type
 * (plausible values per option name), what they should not (control characters, bidirectional
 * overrides, mentions, values at and past each limit, wrong types) and random text, handed to the
 * core as text (the console and Slack) or as typed options (Discord slash commands, Slack forms).
 */
import fc from 'fast-check';
import type { CommandDefinition, OptionSpec } from '../../src/core/commands/definition.ts';
import type { Actor, ChannelRef, CommandRequest } from '../../src/core/commands/invocation.ts';

/** Values that mean something for options of this name, so a share of invocations gets past validation. */
const PLAUSIBLE: Record<string, readonly string[]> = {
  name: ['Krumlov – Passau', 'Nová Ves', 'ירושלים'],
  country: ['CZ', 'DE', 'PL', 'XX', 'cz'],
  timezone: ['Europe/Prague', 'Europe/Berlin', 'Asia/Jerusalem', 'Mars/Olympus'],
  language: ['cs', 'de', 'en', 'he', 'xx-123'],
  code: ['AAAA-BBBB-CCCC-DDDD', 'HVY4W-CSND1'],
  'agreement-date': ['2020-05-01', '2020-13-45', 'yesterday'],
  'agreement-url': ['https://example.org/agreement.pdf', 'not a link'],
  town: ['Passau', 'Český Krumlov', 'Atlantis'],
  invite: ['1', '00000000-0000-0000-0000-000000000000'],
  title: ['Letní tábor', 'Sommerfest'],
  start: ['2027-07-06 10:00', 'tomorrow 18:00', 'next friday 9:30', '2027-03-28 02:30', 'never'],
  end: ['2027-07-10 16:00', '2027-07-01 10:00', 'in two hours'],
  at: ['2027-06-01 09:00', 'next monday 9:00', '2020-01-01 00:00'],
  cron: ['0 9 * * 1', '*/5 * * * *', '61 * * * *', '* * * * * * *'],
  location: ['Plešivec', 'https://meet.example/abc'],
  command: ['event create', 'rsvp', 'nothing here'],
  offsets: ['7d,1d,1h', 'off', '3w', '0m'],
  languages: ['cs,de', 'en', 'xx,yy', 'cs,cs'],
  interests: ['choir,football', 'sport'],
  areas: ['culture,youth', 'sport', 'moon-landing'],
};

/** Texts that have broken chat bots: each goes into text options now and then. */
const HOSTILE = [
  'a\u0000b',
  '\u0000',
  'line\nbreak',
  'tab\there',
  '\u001b[31mred',
  '\u007f',
  '\u0085',
  '\u202eesrever',
  '\u2067isolated',
  '\u2069',
  '\ud800',
  '<@U0123ABC>',
  '<@U0123ABC|jana>',
  '<!here>',
  '@everyone',
  '<#C0123|general>',
  '"',
  '\'"“„',
  '{count} {0, plural, one {x}}',
  '%s %d ${x}',
  '\'; DROP TABLE "Town"; --',
  '🎻🇨🇿👩‍👩‍👧',
  ' ',
];

function textValue(name: string, spec: { maxLength: number; minLength?: number }): fc.Arbitrary<string> {
  const plausible = PLAUSIBLE[name] ?? ['Hello', 'Ahoj sousedé'];
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...plausible) },
    { weight: 2, arbitrary: fc.constantFrom(...HOSTILE) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
    // At the limit and one past it.
    { weight: 1, arbitrary: fc.constantFrom('x'.repeat(spec.maxLength), 'ž'.repeat(spec.maxLength + 1)) },
    {
      weight: 1,
      arbitrary: fc.tuple(fc.constantFrom(...plausible), fc.constantFrom(...HOSTILE)).map(([a, b]) => a + b),
    },
  );
}

function optionValue(name: string, spec: OptionSpec, typed: boolean): fc.Arbitrary<unknown> {
  switch (spec.type) {
    case 'string':
      return textValue(name, spec);
    case 'integer': {
      const number = fc.oneof(fc.integer({ min: -1, max: 4 }), fc.integer(), fc.double());
      const text = fc.constantFrom('1', '2', ' 3 ', 'one', '1e3', '0x10', '', '9'.repeat(30));
      return typed
        ? fc.oneof({ weight: 4, arbitrary: number }, { weight: 1, arbitrary: text })
        : fc.oneof(number.map(String), text);
    }
    case 'boolean':
      return typed
        ? fc.oneof(fc.boolean(), fc.constant('maybe'))
        : fc.constantFrom('yes', 'no', 'ano', 'nein', 'maybe');
    case 'choice': {
      const choice = fc.constantFrom(...spec.choices.map((c) => c.value));
      return fc.oneof(
        { weight: 4, arbitrary: choice },
        { weight: 1, arbitrary: textValue(name, { maxLength: 20 }) },
      );
    }
    case 'list': {
      const joined = textValue(name, { maxLength: spec.itemMaxLength });
      const many = fc.constant(Array.from({ length: spec.maxItems + 1 }, (_, i) => `i${i}`).join(','));
      if (!typed) return fc.oneof(joined, many);
      return fc.oneof(
        joined.map((v) => v.split(',')),
        fc.array(fc.string({ maxLength: 8 }), { maxLength: 4 }),
        many,
      );
    }
    case 'user': {
      const names = fc.constantFrom('jana', 'max', 'eve', 'nobody', '<@max>', '<@U0123ABC|jana>', '@', '');
      return typed
        ? fc.oneof(
            names.map((id) => ({ id })),
            fc.constant({ id: 'a\u0000' }),
            fc.constant(42),
          )
        : names;
    }
  }
}

/** A value the validator must refuse for this option, whatever else is given. */
function invalidValue(spec: OptionSpec): fc.Arbitrary<unknown> {
  const controls = fc.constantFrom('a\u0000b', '\u0000', 'x\u001by', 'x\ud800', 'x\u0085');
  switch (spec.type) {
    case 'string':
      return fc.oneof(controls, fc.constant('ž'.repeat(spec.maxLength + 1)));
    case 'integer':
      return fc.constantFrom(
        'one',
        1.5,
        '1e400',
        ...(spec.min === undefined ? [] : [spec.min - 1]),
        ...(spec.max === undefined ? [] : [spec.max + 1]),
      );
    case 'boolean':
      return fc.constant('maybe');
    case 'choice':
      return fc.constantFrom('nonsense', 'going!', 42);
    case 'list':
      return fc.oneof(
        controls,
        fc.constant('y'.repeat(spec.itemMaxLength + 1)),
        fc.constant(Array.from({ length: spec.maxItems + 1 }, (_, i) => `i${i}`).join(',')),
      );
    case 'user':
      return fc.constantFrom('jana\u0000', '@');
  }
}

/** A value that makes sense for this option (it may still be refused: a number nobody has). */
function plausibleValue(name: string, spec: OptionSpec): fc.Arbitrary<unknown> {
  switch (spec.type) {
    case 'string':
      return fc.constantFrom(...(PLAUSIBLE[name] ?? ['Hello', 'Ahoj sousedé', 'שלום']));
    case 'integer':
      return fc.integer({ min: spec.min ?? 0, max: Math.min(spec.max ?? 3, 3) });
    case 'boolean':
      return fc.boolean();
    case 'choice':
      return fc.constantFrom(...spec.choices.map((c) => c.value));
    case 'list':
      return fc.constantFrom(...(PLAUSIBLE[name] ?? ['a,b']));
    case 'user':
      return fc.constantFrom('jana', 'max', 'eve');
  }
}

/** One generated invocation: who, where, which command, with what. */
export interface Invocation {
  request: CommandRequest;
  definition: CommandDefinition;
}

/** A value written so the text syntax reads it back: quoted when it has spaces or quotes. */
function written(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  if (text !== '' && !/[\s"'“”„‘’«»]/.test(text)) return text;
  return text.includes('"') ? `'${text}'` : `"${text}"`;
}

/**
 * Most invocations carry one value the validator must refuse (`hostile`: cheap, no database
 * transaction); one in four is `plausible` throughout, so handlers run and change the data.
 * Either kind mixes in the random values of optionValue for the other options.
 */
export function invocationOf(
  definitions: readonly CommandDefinition[],
  places: readonly { actor: Actor; channel: ChannelRef }[],
): fc.Arbitrary<Invocation> {
  return fc
    .record({
      definition: fc.constantFrom(...definitions),
      place: fc.constantFrom(...places),
      typed: fc.boolean(),
      admin: fc.boolean(),
      plausible: fc.oneof(
        { weight: 1, arbitrary: fc.constant(true) },
        { weight: 3, arbitrary: fc.constant(false) },
      ),
      locale: fc.constantFrom(undefined, 'cs', 'de', 'en-GB', 'fr'),
    })
    .chain(({ definition, place, typed, admin, plausible, locale }) => {
      const specs = Object.entries(definition.options);
      const entries = specs.map(([name, spec]) => {
        const value = plausible
          ? fc.oneof(
              { weight: 3, arbitrary: plausibleValue(name, spec) },
              { weight: 1, arbitrary: optionValue(name, spec, typed) },
            )
          : optionValue(name, spec, typed);
        // Required options are there most of the time, others now and then.
        return fc.option(value, { freq: spec.required ? 8 : 2 }).map((v) => [name, v] as const);
      });
      // The one refused value: an option's, or an option the command does not have.
      const refused = plausible
        ? fc.constant(undefined)
        : fc.oneof(
            ...specs.map(([name, spec]) => invalidValue(spec).map((value) => [name, value] as const)),
            fc.constantFrom(['colour', 'red'] as const, ['TITLE', 'x'] as const, ['x-y', '1'] as const),
          );
      return fc.tuple(fc.tuple(...entries), refused).map(([values, bad]): Invocation => {
        const options: Record<string, unknown> = {};
        for (const [name, value] of values) if (value !== null) options[name] = value;
        if (bad) options[bad[0]] = bad[1];
        const actor = { ...place.actor, communityAdmin: admin };
        const base = { actor, channel: place.channel, ...(locale ? { locale } : {}) };
        if (typed) return { definition, request: { ...base, command: definition.path.join('.'), options } };
        const words = Object.entries(options).map(([name, value]) => `${name}:${written(value)}`);
        return { definition, request: { ...base, text: [...definition.path, ...words].join(' ') } };
      });
    });
}
