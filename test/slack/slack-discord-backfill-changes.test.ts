/**
 * Backfill of edits and deletes (docs/RELAY.md, "Backfill"): messages relayed before the bot
 * stopped are edited or deleted meanwhile; started again on the same database, the bot reads
 * each channel's history back to the oldest original of the last 24 hours and edits or deletes
 * the copies, through the relay's own edit and delete. Český Krumlov on Slack (the real Bolt
 * app), Passau on Discord (the real discord.js Client).
 */
import { describe, expect, it } from 'vitest';
import { useBackfillRig } from './backfill-restarts.ts';
import { unescaped } from './slack-harness.ts';

describe('relaying what members edited and deleted while the bot was down', () => {
  const rig = useBackfillRig();
  const { restart, maxWrites, janaWrites, copiesOnSlack, copiesOnDiscord, slackCalls, discordCalls } = rig;

  it('edits and deletes the Slack copies of what Passau changed on Discord meanwhile, once', async () => {
    const { both } = rig;
    const first = await maxWrites('Erstens');
    const second = await maxWrites('Zweitens');
    const third = await maxWrites('Drittens');
    const edited = rig.seenOnDiscord('messageUpdate', () => first);
    both.discord.memberEdits(first, 'Erstens, live bearbeitet');
    await edited;
    await rig.settle();
    expect(copiesOnSlack()).toEqual(['Erstens, live bearbeitet', 'Zweitens', 'Drittens']);

    await both.stopBot();
    // The oldest is edited again: an edit to an older message is the common case.
    both.discord.memberEdits(first, 'Erstens, in der Pause bearbeitet');
    both.discord.memberEdits(second, 'Zweitens, bearbeitet');
    both.discord.memberDeletes(third);
    const late = both.discord.memberWrites({
      guild: 'Passau',
      channel: 'partnerstadt',
      user: 'max',
      content: 'Neu',
    });
    both.discord.memberEdits(late.id, 'Neu, gleich bearbeitet');
    expect(await restart()).toEqual([{ channel: both.partnerstadt, relayed: 1, edited: 2, deleted: 1 }]);
    expect(copiesOnSlack()).toEqual([
      'Erstens, in der Pause bearbeitet',
      'Zweitens, bearbeitet',
      'Neu, gleich bearbeitet',
    ]);

    // Started once more with nothing changed: no copy is edited or deleted again.
    const calls = slackCalls();
    // What the relay recorded (the edit times relayed, the removal) leaves nothing to do.
    expect(await restart()).toEqual([]);
    expect(slackCalls()).toEqual(calls);
    expect(copiesOnSlack()).toEqual([
      'Erstens, in der Pause bearbeitet',
      'Zweitens, bearbeitet',
      'Neu, gleich bearbeitet',
    ]);
  });

  it('edits and deletes the Discord copies of what Český Krumlov changed on Slack meanwhile, once', async () => {
    const { both } = rig;
    const before = copiesOnDiscord();
    const first = await janaWrites('První');
    const second = await janaWrites('Druhá');
    const third = await janaWrites('Třetí');
    await both.slack.members.edits(both.partneri, first, 'První, upravená živě');
    await rig.settle();
    expect(copiesOnDiscord()).toEqual([...before, 'První, upravená živě', 'Druhá', 'Třetí']);

    await both.stopBot();
    await both.slack.members.edits(both.partneri, first, 'První, upravená v pauze');
    await both.slack.members.edits(both.partneri, second, 'Druhá, upravená');
    await both.slack.members.deletes(both.partneri, third);
    const late = await both.slack.members.writes({
      channel: both.partneri,
      user: both.jana,
      text: 'Nová',
    });
    await both.slack.members.edits(both.partneri, late.ts, 'Nová, hned upravená');
    expect(await restart()).toEqual([{ channel: both.partneri, relayed: 1, edited: 2, deleted: 1 }]);
    const expected = [...before, 'První, upravená v pauze', 'Druhá, upravená', 'Nová, hned upravená'];
    expect(copiesOnDiscord()).toEqual(expected);

    const calls = discordCalls();
    expect(await restart()).toEqual([]);
    expect(discordCalls()).toEqual(calls);
    expect(copiesOnDiscord()).toEqual(expected);
  });

  it('relays the replies Český Krumlov wrote meanwhile in Slack threads into threads on Discord, once', async () => {
    const { both } = rig;
    const frage = await maxWrites('Frage');
    const otazka = await janaWrites('Otázka');
    const copyOfFrage = both.slack.messages(both.partneri).find((m) => unescaped(m.text) === 'Frage');
    await both.stopBot();
    // One thread on Jana's own message, one on the copy of Max's.
    await both.slack.members.writes({
      channel: both.partneri,
      user: both.jana,
      text: 'Odpověď',
      threadTs: otazka,
    });
    await both.slack.members.writes({
      channel: both.partneri,
      user: both.jana,
      text: 'Antwort auf die Frage',
      threadTs: copyOfFrage?.ts ?? '',
    });
    expect(await restart()).toEqual([{ channel: both.partneri, relayed: 2, edited: 0, deleted: 0 }]);
    const threadOf = (messageId: string | undefined) =>
      copiesOnDiscord(both.discord.messageView(messageId ?? '')?.threadId ?? undefined);
    const copyOfOtazka = both.discord.channelView(both.partnerstadt).find((m) => m.content === 'Otázka');
    expect(threadOf(copyOfOtazka?.id)).toEqual(['Odpověď']);
    expect(threadOf(frage)).toEqual(['Antwort auf die Frage']);

    // Nothing newer in the threads: each is read once more, for its replies' edits and removals
    // (a parent's latest_reply does not move on an edit), and nothing is relayed again.
    const threadReads = both.slack.callCount('conversations.replies');
    expect(await restart()).toEqual([]);
    expect(both.slack.callCount('conversations.replies')).toBe(threadReads + 2);
    expect(threadOf(frage)).toEqual(['Antwort auf die Frage']);
  });

  it('relays the replies Passau wrote meanwhile in Discord threads into Slack threads, once', async () => {
    const { both } = rig;
    const werKommt = await maxWrites('Wer kommt?');
    const kdo = await janaWrites('Kdo přijde?');
    const copyOfKdo = both.discord.channelView(both.partnerstadt).find((m) => m.content === 'Kdo přijde?');
    const start = (fromMessage: string, name: string) =>
      both.discord.memberStartsThread({
        guild: 'Passau',
        channel: 'partnerstadt',
        user: 'max',
        name,
        fromMessage,
      });
    // One thread on Max's own message, one on the copy of Jana's.
    const onOwn = start(werKommt, 'Wer kommt');
    const onCopy = start(copyOfKdo?.id ?? '', 'Kdo přijde');
    await both.stopBot();
    for (const [thread, content] of [
      [onOwn, 'Ich komme'],
      [onCopy, 'Ich auch'],
    ] as const) {
      both.discord.memberWrites({
        guild: 'Passau',
        channel: 'partnerstadt',
        thread,
        user: 'max',
        content,
      });
    }
    expect(await restart()).toEqual([{ channel: both.partnerstadt, relayed: 2, edited: 0, deleted: 0 }]);
    const inThread = (ts: string | undefined) =>
      both.slack
        .messages(both.partneri)
        .filter((m) => m.threadTs === ts && m.ts !== ts)
        .map((m) => unescaped(m.text));
    const copyOfWerKommt = both.slack.messages(both.partneri).find((m) => unescaped(m.text) === 'Wer kommt?');
    expect(inThread(copyOfWerKommt?.ts)).toEqual(['Ich komme']);
    expect(inThread(kdo)).toEqual(['Ich auch']);

    // Nothing newer in the threads: each is read once more, for its messages' edits and removals,
    // and nothing is relayed again.
    const threadReads = () =>
      both.discord
        .requests({ method: 'GET', route: '/channels/:channel_id/messages' })
        .filter((r) => r.path.includes(onOwn) || r.path.includes(onCopy)).length;
    const readsBefore = threadReads();
    expect(await restart()).toEqual([]);
    expect(threadReads()).toBe(readsBefore + 2);
    expect(inThread(kdo)).toEqual(['Ich auch']);
  });
});
