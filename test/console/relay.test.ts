/**
 * The relay through the console (docs/RELAY.md): what a member writes in a relaying channel
 * reaches the partner town's relaying channel with who wrote it and from which town; replies
 * land in the copy's thread, edits and deletes reach every copy, nothing flows while relaying is
 * off, and a member's words are not kept once delivered.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { translate } from '../../src/core/i18n/translator.ts';
import type { Database } from '../../src/db/open-database.ts';
import { createTestDatabase, DATABASE_KINDS } from '../support/test-database.ts';
import { consoleHarness, TWIN_KRUMLOV_PASSAU, type ConsoleHarness } from './console-harness.ts';

const RELAY_BOTH = `${TWIN_KRUMLOV_PASSAU}channel relay partnership:1 on
:community passau
:channel partnerstadt
:as max
channel relay partnership:1 on
`;

/** The id the console printed for the relayed copy it posted ("⇒ posted to … as console-3:"). */
function printedCopyId(printed: string): string {
  const id = / as (console-\d+):/.exec(printed)?.[1];
  if (!id) throw new Error(`no relayed copy in:\n${printed}`);
  return id;
}

describe.each(DATABASE_KINDS)('relaying between console channels on %s', (kind) => {
  let database: Database;
  let h: ConsoleHarness;

  beforeEach(async () => {
    database = await createTestDatabase(kind);
    h = consoleHarness(database, '2026-11-23T10:00:00Z');
  });
  afterEach(async () => {
    await database.close();
  });

  it('is off until both channels turn it on, and says how many partner channels relay', async () => {
    const first = await h.run(`${TWIN_KRUMLOV_PASSAU}:say Dobrý den!\nchannel relay partnership:1 on`);
    expect(first).not.toContain('jana (Český Krumlov): Dobrý den!');
    expect(first).toContain(
      translate('cs', 'channel.relay-on', { channel: 'partneri', name: 'Krumlov – Passau', others: 0 }),
    );
    const second = await h.run(':say Ahoj Pasove');
    expect(second).not.toContain('⇒ posted');
    const both = await h.run(
      ':community passau\n:channel partnerstadt\n:as max\nchannel relay partnership:1 on',
    );
    expect(both).toContain(
      translate('de', 'channel.relay-on', { channel: 'partnerstadt', name: 'Krumlov – Passau', others: 1 }),
    );
  });

  it('relays a message with its author and town, and a reply into the copy’s thread, both ways', async () => {
    await h.run(RELAY_BOTH);
    const said = await h.run(':community krumlov\n:channel partneri\n:as jana\n:say Dobrý den, Pasove!');
    expect(said).toContain('• msg-1 written in #partneri');
    expect(said).toMatch(
      /⇒ posted to #partnerstadt in passau as console-\d+:\n {4}jana \(Český Krumlov\): Dobrý den, Pasove!/,
    );
    const copyId = printedCopyId(said);
    const replied = await h.run(
      `:community passau\n:channel partnerstadt\n:as max\n:reply ${copyId} Grüß Gott!`,
    );
    expect(replied).toMatch(
      /⇒ posted to #partneri in krumlov in the thread of msg-1 as console-\d+:\n {4}max \(Passau\): Grüß Gott!/,
    );
  });

  it('edits and deletes every copy, and a moderator deleting a copy deletes the original', async () => {
    await h.run(RELAY_BOTH);
    const copyId = printedCopyId(
      await h.run(':community krumlov\n:channel partneri\n:as jana\n:say Sraz v 10:00'),
    );
    const edited = await h.run(':edit msg-1 Sraz v 11:00');
    expect(edited).toContain(`⇒ ${copyId} in #partnerstadt in passau now reads:`);
    expect(edited).toContain('jana (Český Krumlov): Sraz v 11:00');
    const secondId = printedCopyId(await h.run(':say Druhá zpráva'));
    const removed = await h.run(`:community passau\n:channel partnerstadt\n:as max\n:delete ${secondId}`);
    expect(removed).toContain('⇒ msg-2 in #partneri in krumlov removed');
    const deleted = await h.run(':community krumlov\n:channel partneri\n:as jana\n:delete msg-1');
    expect(deleted).toContain(`⇒ ${copyId} in #partnerstadt in passau removed`);
  });

  it('keeps ids only once delivered, and relays an event told twice once', async () => {
    await h.run(RELAY_BOTH);
    await h.run(':community krumlov\n:channel partneri\n:as jana\n:say Tajné heslo');
    const original = await database.prisma.relayedMessage.findFirstOrThrow();
    const twice = {
      platform: 'CONSOLE' as const,
      communityExternalId: 'krumlov',
      channelId: 'partneri',
      messageId: original.originMessageId,
      author: { userId: 'jana', displayName: 'jana' },
      text: 'Tajné heslo',
    };
    await h.inbound.messageArrived(twice);
    const copies = await database.prisma.delivery.findMany({ where: { kind: 'relay.message' } });
    expect(copies).toHaveLength(1);
    expect(copies[0]).toMatchObject({ status: 'SENT', payload: { text: '' } });
    expect(JSON.stringify(copies[0]?.payload)).not.toContain('Tajné');
  });

  it('does not relay back what it posted, nor into a channel whose relaying is off', async () => {
    await h.run(RELAY_BOTH);
    await h.run(':community krumlov\n:channel partneri\n:as jana\n:say Jedna');
    const copy = await database.prisma.delivery.findFirstOrThrow({ where: { kind: 'relay.message' } });
    // The copy in Passau told as if a member wrote it there (an echo): not relayed back.
    await h.inbound.messageArrived({
      platform: 'CONSOLE',
      communityExternalId: 'passau',
      channelId: 'partnerstadt',
      messageId: copy.platformMessageId ?? '',
      author: { userId: 'bot', displayName: 'Twinbridge' },
      text: 'jana (Český Krumlov): Jedna',
    });
    expect(await database.prisma.delivery.count({ where: { kind: 'relay.message' } })).toBe(1);
    await h.run(':community passau\n:channel partnerstadt\n:as max\nchannel relay partnership:1 off');
    const quiet = await h.run(':community krumlov\n:channel partneri\n:as jana\n:say Dvě');
    expect(quiet).not.toContain('⇒ posted');
  });
});
