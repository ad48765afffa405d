/**
 * How the bot answers on Slack and what a channel sees of a coordinator's work, through the real
 * Bolt app (HTTP mode; answers take the same path in Socket Mode): help and usage written as
 * `/twin` commands; coordinators' confirmations only for them while the channel gets what their
 * command posts; the cards of a cancelled exchange lose their buttons and say so, also a card
 * clicked before its redraw got through; a click edits its card once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../src/core/i18n/translator.ts';
import type { Database } from '../../src/db/open-database.ts';
import type { StoredMessage } from '../emulators/slack/slack-emulator.ts';
import { inviteCodeIn } from '../support/set-up-checks.ts';
import { createTestDatabase } from '../support/test-database.ts';
import { answerText, shownInChannel, SlackHarness, unescaped, type As } from './slack-harness.ts';

interface Blockish {
  type: string;
  text?: { text: string };
  fields?: { text: string }[];
}

const blocksOf = (message: StoredMessage | undefined): Blockish[] => (message?.blocks ?? []) as Blockish[];
const hasButtons = (message: StoredMessage | undefined): boolean =>
  blocksOf(message).some((b) => b.type === 'actions');
const blockText = (message: StoredMessage | undefined): string =>
  unescaped(
    blocksOf(message)
      .flatMap((b) => [b.text?.text ?? '', ...(b.fields ?? []).map((f) => f.text)])
      .join('\n'),
  );
const CANCELLED = `*${translate('cs', 'card.status')}*\n${translate('cs', 'card.cancelled')}`;

describe('Slack: answers, and cards of cancelled exchanges', () => {
  let database: Database;
  let h: SlackHarness;
  let alice: As;
  let bob: As;
  let general: string;

  beforeAll(async () => {
    database = await createTestDatabase('embedded');
    h = await SlackHarness.start({ mode: 'http', database, auth: 'token' });
    const ws = h.slack.workspace();
    general = ws.generalChannelId ?? '';
    alice = { userId: ws.defaultUserId, channelId: general };
    bob = { userId: h.slack.addUser({ name: 'bob' }).id, channelId: general };
    shownInChannel(
      await h.command(
        'town register name:"Český Krumlov" country:CZ timezone:Europe/Prague language:cs',
        alice,
      ),
      'town register',
    );
    inviteCodeIn(answerText(await h.command('partner invite name:"Krumlov – Passau" form:formal', alice)));
    await h.done('channel link partnership:1', alice);
    await h.drain();
  });

  afterAll(async () => {
    await h.stop();
    await database.close();
  });

  /** Creates an exchange as alice and returns its card in #general once the outbox posted it. */
  async function postedCard(title: string, start: string): Promise<StoredMessage> {
    await h.command(
      `event create partnership:1 title:"${title}" kind:cultural-event start:"${start}"`,
      alice,
    );
    await h.drain();
    const card = h.slack
      .messages(general)
      .find((m) => blocksOf(m).some((b) => b.type === 'header' && b.text?.text.endsWith(title)));
    if (!card) throw new Error(`no card for ${title}`);
    expect(hasButtons(card)).toBe(true);
    return card;
  }

  const cardNow = (ts: string) => h.slack.messages(general).find((m) => m.ts === ts);

  it('writes help and usage lines as /twin commands', async () => {
    const list = unescaped(answerText(await h.command('help', bob)));
    expect(list.startsWith(translate('cs', 'help.heading', { quotes: '"…"' }))).toBe(true);
    expect(list).toContain('/twin town info');
    expect(list).toContain(translate('cs', 'help.footer', { example: '/twin help event create' }));
    const one = unescaped(answerText(await h.command('help event info', bob)));
    expect(one).toContain(translate('cs', 'command.usage', { usage: '/twin event info event:<číslo>' }));
    const refused = unescaped(answerText(await h.command('event info event:first', bob)));
    expect(refused).toContain(translate('cs', 'command.usage', { usage: '/twin event info event:<číslo>' }));
    // A refusal that points to another command writes it as a /twin command too.
    expect(unescaped(answerText(await h.command('event info event:99', bob)))).toBe(
      'Ve vašich partnerstvích není akce číslo 99. Viz „/twin event list“.',
    );
    expect(unescaped(answerText(await h.command('evnet lsit', bob)))).toBe(
      translate('cs', 'command.unknown', { words: 'evnet lsit', suggestions: '/twin event list' }),
    );
  });

  it('confirms a coordinator’s announcement to them alone; the channel gets the announcement', async () => {
    const before = h.slack.messages(general).length;
    const sent = await h.done('announce send partnership:1 text:"Sraz v 18:00"', alice);
    expect(sent.body).toMatchObject({ response_type: 'ephemeral' });
    expect(unescaped(answerText(sent))).toBe(translate('cs', 'announce.sent', { number: 1, channels: 1 }));
    await h.drain();
    expect(
      h.slack
        .messages(general)
        .slice(before)
        .map((m) => m.text),
    ).toEqual(['Sraz v 18:00']);
  });

  it('redraws the posted card as cancelled, without buttons, when the exchange is cancelled', async () => {
    const card = await postedCard('Adventní trh', '2026-12-12 15:00');
    const cancelled = await h.done('event cancel event:1 reason:"Málo přihlášených"', alice);
    // The confirmation is the coordinator's; the channel gets the cancellation and the redrawn card.
    expect(cancelled.body).toMatchObject({ response_type: 'ephemeral' });
    await h.drain();
    expect(h.slack.messages(general).at(-1)?.text).toContain(
      translate('cs', 'post.exchange.cancelled', {
        host: 'Český Krumlov',
        title: 'Adventní trh',
        reason: 'Málo přihlášených',
      }),
    );
    const redrawn = cardNow(card.ts);
    expect(redrawn?.edits).toBe(1);
    expect(hasButtons(redrawn)).toBe(false);
    expect(blockText(redrawn)).toContain(CANCELLED);
  });

  it('redraws a card clicked before the cancellation’s redraw got through, and tells the clicker', async () => {
    const card = await postedCard('Vánoční koncert', '2026-12-20 17:00');
    // Slack holds the redraw back for a while: the card still shows its buttons.
    const held = h.slack.failNext(
      'chat.update',
      { type: 'rate_limited', retryAfter: 600 },
      { when: (args) => args['ts'] === card.ts },
    );
    await h.command('event cancel event:2', alice);
    await h.drain();
    expect(held.hits).toBe(1);
    expect(hasButtons(cardNow(card.ts))).toBe(true);

    const [answer] = await h.click('twin_rsvp:going:2', { ...bob, messageTs: card.ts });
    if (!answer) throw new Error('no answer to the click');
    expect(answer.body).toMatchObject({ response_type: 'ephemeral' });
    expect(unescaped(answerText(answer))).toBe(translate('cs', 'event.cancelled', { number: 2 }));
    await h.slack.waitFor(
      () => (hasButtons(cardNow(card.ts)) ? undefined : true),
      5000,
      'the clicked card redrawn',
    );
    expect(blockText(cardNow(card.ts))).toContain(CANCELLED);
    expect(await database.prisma.rsvp.count()).toBe(0);
  });

  it('edits a clicked card once: the click’s own chat.update, the outbox’s edit of it withdrawn', async () => {
    const card = await postedCard('Jarní koncert', '2027-04-10 18:00');
    const [answer] = await h.click('twin_rsvp:going:3', { ...bob, messageTs: card.ts });
    expect(answer?.body).toMatchObject({ response_type: 'ephemeral' });
    await h.slack.waitFor(
      () => (cardNow(card.ts)?.edits ? true : undefined),
      5000,
      'the clicked card redrawn',
    );
    await h.adapter.whenIdle();
    // The outbox drains, also once the edit it held back for the click's answer would be due.
    await h.drain();
    h.clock.set(new Date(h.clock.now().getTime() + 60_000));
    await h.drain();
    const redrawn = cardNow(card.ts);
    expect(redrawn?.edits).toBe(1);
    expect(blockText(redrawn)).toContain(`${translate('cs', 'card.going-per-town')}*\nČeský Krumlov 1`);
    expect(hasButtons(redrawn)).toBe(true);
  });

  it('redraws a card sent in a direct message (a move up from the waitlist) as cancelled', async () => {
    await h.command(
      'event create partnership:1 title:"Beseda" kind:citizens-meeting start:"2026-12-22 18:00" capacity:1',
      alice,
    );
    // Its number, whatever the tests before created.
    const { number } = await database.prisma.exchange.findFirstOrThrow({ where: { title: 'Beseda' } });
    await h.done(`rsvp event:${number} answer:going`, alice);
    await h.done(`rsvp event:${number} answer:going`, bob);
    await h.done(`rsvp event:${number} answer:no`, alice);
    await h.drain();
    const im = h.slack.dmChannel(bob.userId ?? '').id;
    const notice = h.slack.messages(im).at(-1);
    expect(notice?.text.startsWith('Uvolnilo se místo')).toBe(true);
    expect(hasButtons(notice)).toBe(true);
    // Recorded with the IM channel it went to: the message can be found again without asking.
    const sent = await database.prisma.delivery.findFirstOrThrow({ where: { kind: 'waitlist.promoted' } });
    expect(sent.platformMessageId).toBe(`${im}/${notice?.ts}`);

    await h.done(`event cancel event:${number}`, alice);
    await h.drain();
    const redrawn = h.slack.messages(im).find((m) => m.ts === notice?.ts);
    expect(redrawn?.edits).toBe(1);
    expect(hasButtons(redrawn)).toBe(false);
    expect(blockText(redrawn)).toContain('*Stav*\nZrušeno');
    expect(redrawn?.text.startsWith('Zrušeno (pořadatel: Český Krumlov): „Beseda“.')).toBe(true);
    // The update named the IM channel the message was sent in.
    const update = h.slack.calls('chat.update').find((c) => c.args['ts'] === notice?.ts);
    expect(update?.args['channel']).toBe(im);
  });
});
