/**
 * Backfill of thread replies' edits and deletes, and of archived Discord threads (docs/RELAY.md,
 * "Backfill"): replies relayed before the bot stopped are edited or deleted meanwhile, in a Slack
 * thread or a Discord thread, which Discord may archive meanwhile; started again on the same
 * database, the bot reads the threads holding the replies it knows (Slack `conversations.replies`,
 * Discord the thread's messages, an archived thread fetched by id) and edits or deletes the copies
 * through the relay's own edit and delete, and relays the new replies there. Český Krumlov on
 * Slack (the real Bolt app), Passau on Discord (the real discord.js Client).
 */
import { describe, expect, it } from 'vitest';
import { useBackfillRig } from './backfill-restarts.ts';
import { unescaped } from './slack-harness.ts';

describe('relaying what members changed in threads while the bot was down', () => {
  const rig = useBackfillRig();
  const { restart, restartChangesNothing, maxWrites, janaWrites, slackThread, copiesOnDiscord } = rig;
  const { slackCalls, discordCalls } = rig;

  /**
   * Max asks in #partnerstadt, starts a thread on his question and replies there, all relayed:
   * the thread, his replies' ids, and the ts of the question's Slack copy (whose thread the
   * replies' copies are in).
   */
  async function maxAsksInThread(question: string, name: string, ...replies: string[]) {
    const asked = await maxWrites(question);
    const thread = rig.both.discord.memberStartsThread({
      guild: 'Passau',
      channel: 'partnerstadt',
      user: 'max',
      name,
      fromMessage: asked,
    });
    const ids: string[] = [];
    for (const reply of replies) ids.push(await maxWrites(reply, thread));
    const copy = rig.both.slack.messages(rig.both.partneri).find((m) => unescaped(m.text) === question);
    return { thread, replies: ids, copy: copy?.ts };
  }
  /** The webhook posts in the Discord thread on the copy of a message relayed from Slack. */
  const discordThreadOfCopy = (text: string) => {
    const copy = rig.both.discord.channelView(rig.both.partnerstadt).find((m) => m.content === text);
    const thread = rig.both.discord.messageView(copy?.id ?? '')?.threadId;
    return thread ? copiesOnDiscord(thread) : [];
  };

  it('edits and deletes the Slack copies of replies Passau changed in a Discord thread meanwhile, once', async () => {
    const { both } = rig;
    const { replies, copy } = await maxAsksInThread(
      'Wer kommt am Samstag?',
      'Samstag',
      'Ich komme',
      'Lena kommt auch',
    );
    const [coming = '', lena = ''] = replies;
    expect(slackThread(copy)).toEqual(['Ich komme', 'Lena kommt auch']);

    await both.stopBot();
    both.discord.memberEdits(coming, 'Ich komme, mit dem Rad');
    both.discord.memberDeletes(lena);
    expect(await restart()).toEqual([{ channel: both.partnerstadt, relayed: 0, edited: 1, deleted: 1 }]);
    expect(slackThread(copy)).toEqual(['Ich komme, mit dem Rad']);

    // Started once more with nothing changed: no copy is edited or deleted again.
    await restartChangesNothing(() => [slackCalls(), slackThread(copy)]);
  });

  it('edits and deletes the Discord copies of replies Český Krumlov changed in a Slack thread meanwhile, once', async () => {
    const { both } = rig;
    const question = await janaWrites('Kdo přijde v sobotu?');
    const coming = await janaWrites('Přijdu', question);
    const petr = await janaWrites('Petr taky', question);
    expect(discordThreadOfCopy('Kdo přijde v sobotu?')).toEqual(['Přijdu', 'Petr taky']);

    await both.stopBot();
    await both.slack.members.edits(both.partneri, coming, 'Přijdu, na kole');
    await both.slack.members.deletes(both.partneri, petr);
    expect(await restart()).toEqual([{ channel: both.partneri, relayed: 0, edited: 1, deleted: 1 }]);
    expect(discordThreadOfCopy('Kdo přijde v sobotu?')).toEqual(['Přijdu, na kole']);

    await restartChangesNothing(() => [discordCalls(), discordThreadOfCopy('Kdo přijde v sobotu?')]);
  });

  it('edits the Slack copy of a reply in a Discord thread archived meanwhile, once', async () => {
    const { both } = rig;
    const { thread, replies, copy } = await maxAsksInThread('Treffpunkt?', 'Treffpunkt', 'Am Bahnhof');
    const [answer = ''] = replies;

    await both.stopBot();
    both.discord.memberEdits(answer, 'Am Bahnhof, Gleis 2');
    // Then nobody wrote there for a while: Discord archived it (members cannot edit there now).
    both.discord.threadArchives(thread);
    expect(await restart()).toEqual([{ channel: both.partnerstadt, relayed: 0, edited: 1, deleted: 0 }]);
    expect(slackThread(copy)).toEqual(['Am Bahnhof, Gleis 2']);

    await restartChangesNothing(() => [slackCalls(), slackThread(copy)]);
  });

  it('relays a reply written in a Discord thread archived meanwhile into the Slack copy’s thread, once', async () => {
    const { both } = rig;
    const { thread, copy } = await maxAsksInThread('Wer bringt Kuchen?', 'Kuchen', 'Ich backe einen');

    await both.stopBot();
    both.discord.memberWrites({
      guild: 'Passau',
      channel: 'partnerstadt',
      thread,
      user: 'max',
      content: 'Ich bringe Sahne',
    });
    both.discord.threadArchives(thread);
    expect(await restart()).toEqual([{ channel: both.partnerstadt, relayed: 1, edited: 0, deleted: 0 }]);
    expect(slackThread(copy)).toEqual(['Ich backe einen', 'Ich bringe Sahne']);

    await restartChangesNothing(() => [both.slack.callCount('chat.postMessage'), slackThread(copy)]);
  });

  it('keeps the copy of a Slack reply to a post the relay never saw, and relays its edit made meanwhile', async () => {
    const { both } = rig;
    const weather = await both.slack.members.botWrites({
      channel: both.partneri,
      botId: 'B0999',
      username: 'Počasí',
      text: 'Prší',
    });
    const reply = await janaWrites('Vezměte si deštníky', weather.ts);
    expect(copiesOnDiscord()).toContain('Vezměte si deštníky');

    await both.stopBot();
    await both.slack.members.edits(both.partneri, reply, 'Vezměte si deštníky a holinky');
    // The reply is in its thread, not in the channel's history: it is looked for there, not taken for deleted.
    expect(await restart()).toEqual([{ channel: both.partneri, relayed: 0, edited: 1, deleted: 0 }]);
    expect(copiesOnDiscord()).toContain('Vezměte si deštníky a holinky');
    await restartChangesNothing(() => [discordCalls(), copiesOnDiscord()]);
  });
});
