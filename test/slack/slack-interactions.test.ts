/**
 * What a Slack workspace does to the bot besides plain commands, through the real Bolt app in
 * HTTP and Socket Mode (one workspace, bot token): the exchange modal with field errors, a member
 * refused a coordinator command, events Slack re-delivers, request signatures, reconnects.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../src/core/i18n/translator.ts';
import type { Database } from '../../src/db/open-database.ts';
import type { StoredView } from '../emulators/slack/slack-emulator.ts';
import { createTestDatabase } from '../support/test-database.ts';
import { inviteCodeIn } from '../support/set-up-checks.ts';
import {
  answerText,
  shownInChannel,
  SLACK_MODES,
  SlackHarness,
  unescaped,
  type As,
} from './slack-harness.ts';

interface ViewBlock {
  block_id: string;
  label?: { text: string };
  element?: {
    type: string;
    options?: { text: { text: string }; value: string }[];
    initial_option?: { value: string };
  };
}

describe.each(SLACK_MODES)('Slack interactions in %s mode', (mode) => {
  let database: Database;
  let h: SlackHarness;
  let alice: As;
  let bob: As;
  let general: string;

  beforeAll(async () => {
    database = await createTestDatabase('embedded');
    h = await SlackHarness.start({ mode, database, auth: 'token' });
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

  async function openModal(as: As): Promise<StoredView> {
    const before = h.slack.views().length;
    await h.sendCommand('event create', as);
    return h.slack.waitFor(() => h.slack.views()[before], 5000, 'the modal');
  }

  const select = (value: string) => ({ type: 'static_select', selected_option: { value } });

  it('opens the exchange modal in the town’s language, with the partnership preselected', async () => {
    const view = await openModal(alice);
    expect(view.view).toMatchObject({
      type: 'modal',
      callback_id: 'twin_command_modal',
      title: { text: 'Nová akce' },
    });
    const blocks = view.view['blocks'] as ViewBlock[];
    expect(blocks.map((b) => b.block_id)).toEqual([
      'partnership',
      'title',
      'kind',
      'start',
      'end',
      'location',
      'capacity',
      'description',
    ]);
    const partnership = blocks[0]?.element;
    expect(partnership?.type).toBe('static_select');
    expect(partnership?.initial_option?.value).toBe('1');
    const kinds = blocks.find((b) => b.block_id === 'kind')?.element?.options ?? [];
    expect(kinds.find((k) => k.value === 'youth-exchange')?.text.text).toBe('Výměna mládeže');
    expect(blocks.find((b) => b.block_id === 'capacity')?.element?.type).toBe('number_input');
  });

  it('shows a refusal on the field it is about, and creates the exchange once the fields are right', async () => {
    const view = await openModal(alice);
    const values = {
      partnership: { value: select('1') },
      title: { value: 'Letní tábor' },
      kind: { value: select('youth-exchange') },
      start: { value: 'someday soon' },
      capacity: { value: { type: 'number_input', value: '30' } },
    };
    const refused = await h.submitView(view.id, values, alice);
    expect(refused).toEqual({
      response_action: 'errors',
      errors: {
        start: translate('cs', 'time.unparseable', { option: 'start', input: 'someday soon' }),
      },
    });
    // A time in the past is about the start field too, although the core names no option for it.
    const past = await h.submitView(view.id, { ...values, start: { value: '2020-01-01 10:00' } }, alice);
    expect(past).toMatchObject({
      response_action: 'errors',
      errors: { start: expect.any(String) as string },
    });
    expect(await database.prisma.exchange.count()).toBe(0);

    const accepted = await h.submitView(view.id, { ...values, start: { value: '2027-07-06 10:00' } }, alice);
    expect((accepted as { response_action?: unknown } | undefined)?.response_action).toBeUndefined();
    const exchange = await database.prisma.exchange.findFirstOrThrow();
    expect(exchange).toMatchObject({ title: 'Letní tábor', capacity: 30, kind: 'YOUTH_EXCHANGE' });
    await h.drain();
    // The channel is linked: the card comes from the outbox, the coordinator gets the headline.
    await h.slack.waitFor(() => h.slack.ephemeralMessages(general)[0], 5000, 'the ephemeral answer');
    expect(unescaped(h.slack.ephemeralMessages(general)[0]?.text ?? '')).toContain(
      translate('cs', 'event.created', { number: exchange.number, channels: 1 }),
    );
    const card = h.slack
      .messages(general)
      .find((m) => JSON.stringify(m.blocks ?? []).includes('twin_rsvp:going'));
    expect(card?.text).toContain('Letní tábor');
  });

  it('answers a form opened in a channel the bot is not in with a direct message', async () => {
    const random = h.slack.workspace().randomChannelId ?? '';
    const view = await openModal({ ...alice, channelId: random });
    const accepted = await h.submitView(
      view.id,
      {
        partnership: { value: select('1') },
        title: { value: 'Study visit' },
        kind: { value: select('study-visit') },
        start: { value: '2027-09-01 09:00' },
      },
      alice,
    );
    expect((accepted as { response_action?: unknown } | undefined)?.response_action).toBeUndefined();
    const dm = h.slack.dmChannel(alice.userId ?? '');
    const answer = await h.slack.waitFor(
      () => h.slack.messages(dm.id).find((m) => m.text.includes('Study visit')),
      5000,
      'the answer in a direct message',
    );
    // Not linked there: the answer carries the card itself, with its buttons.
    expect(JSON.stringify(answer.blocks)).toContain('twin_rsvp:going');
  });

  it('refuses a member a coordinator command, ephemerally and in their town’s language', async () => {
    const denied = await h.command('partner invite name:"Another one" form:informal', bob);
    expect(denied.body).toMatchObject({ response_type: 'ephemeral' });
    expect(unescaped(answerText(denied))).toBe(
      translate('cs', 'permission.coordinator-only', { command: 'partner invite' }),
    );
    expect(await database.prisma.partnership.count()).toBe(1);

    // In the modal, a refusal that belongs to no field replaces the form with the reason.
    const view = await openModal(bob);
    const refused = await h.submitView(
      view.id,
      {
        partnership: { value: select('1') },
        title: { value: 'Mine' },
        kind: { value: select('study-visit') },
        start: { value: '2027-08-01 10:00' },
      },
      bob,
    );
    expect(refused).toMatchObject({
      response_action: 'update',
      view: {
        type: 'modal',
        blocks: [{ text: { text: expect.stringContaining('event create') as string } }],
      },
    });
  });

  it('handles a re-delivered event once, also after a restart', async () => {
    const answers = () =>
      h.slack.calls('chat.postEphemeral').length + h.slack.calls('chat.postMessage').length;
    const before = answers();
    if (mode === 'http') {
      const first = await h.http().appMention({ text: 'town info', ...alice });
      expect(first.status).toBe(200);
      await h.slack.waitFor(() => (answers() > before ? true : undefined), 5000, 'the answer to the mention');
      expect((await h.http().retry(first, { retryNum: 1 })).status).toBe(200);
      await h.restart();
      expect((await h.http().retry(first, { retryNum: 2, retryReason: 'http_error' })).status).toBe(200);
    } else {
      const first = h.slack.socket.appMention({ text: 'town info', ...alice });
      await first.waitForAck();
      await h.slack.waitFor(() => (answers() > before ? true : undefined), 5000, 'the answer to the mention');
      await h.slack.socket.resend(first).waitForAck();
      await h.restart();
      await h.slack.socket.resend(first).waitForAck();
    }
    // Both repeats are over once each was recognised (logged); only then is "no second answer"
    // worth checking.
    await h.logged('already handled', 2);
    expect(answers() - before).toBe(1);
    expect(await database.prisma.slackEventReceipt.count()).toBe(1);
    expect(h.logLines.filter((l) => l.includes('already handled'))).toHaveLength(2);
  });

  if (mode === 'http')
    it('rejects requests with a bad, stale or future-dated signature before running anything', async () => {
      const communities = await database.prisma.community.count();
      const bad = await h
        .http()
        .slashCommand(
          { command: '/twin', text: 'town register name:X country:CZ timezone:Europe/Prague language:cs' },
          { badSignature: true },
        );
      const stale = await h.http().slashCommand({ command: '/twin', text: 'help' }, { stale: true });
      const future = await h.http().slashCommand({ command: '/twin', text: 'help' }, { future: true });
      expect([bad.status, stale.status, future.status]).toEqual([401, 401, 401]);
      // A 401 is the whole handling: the request was refused before any listener ran, so there
      // is nothing still under way to wait for.
      expect(h.slack.responses(bad.responseUrl)).toEqual([]);
      expect(h.slack.responses(stale.responseUrl)).toEqual([]);
      expect(h.slack.responses(future.responseUrl)).toEqual([]);
      expect(h.logLines.filter((l) => l.includes('refused a request dated in the future'))).toHaveLength(1);
      expect(await database.prisma.community.count()).toBe(communities);
      const health = await fetch(h.eventsUrl.replace('/slack/events', '/healthz'));
      expect(await health.text()).toBe('ok');
    });

  if (mode === 'socket')
    it('reconnects after the socket drops and keeps answering', async () => {
      const hellos = h.slack.socket.helloCount;
      h.slack.socket.drop('terminate');
      await h.slack.socket.waitForConnection(hellos + 1);
      const answer = await h.command('town info', alice);
      expect(unescaped(answerText(answer))).toContain('Český Krumlov');
    });
});
