// Slack adapter routing, components: RSVP buttons (the clicker's answer, the card redrawn, components not ours) and the form (event create).
import { describe, expect, it } from 'vitest';

import type { Reply } from '../../src/core/commands/invocation.ts';
import { exchangeCardText } from '../../src/core/views/exchange-card.ts';
import { buttonClick, CHANNEL, JANA, slashCommand, viewSubmission } from './slack-payloads.ts';
import { card, deferred, useRouting } from './slack-routing-fixture.ts';

const routing = useRouting();

describe('RSVP buttons', () => {
  const headlineBlock = {
    type: 'section',
    block_id: 'twin_headline',
    text: { type: 'mrkdwn', text: 'New exchange hosted by Český Krumlov' },
  };
  const answered = (title: string): Reply => ({
    text: `You are going.\n${exchangeCardText(card(title))}`,
    private: true,
    exchange: card(title),
  });

  it('run rsvp, tell the clicker privately and redraw the card as the channel sees it', async () => {
    routing.inbound.respond = () => answered('Youth camp');
    routing.inbound.card = card('Letní tábor');
    const ack = await routing.connection.receiver.send(
      buttonClick({
        actionId: 'twin_rsvp:going:12',
        messageTs: '1700000000.000777',
        blocks: [headlineBlock],
      }),
    );
    expect(ack).toEqual({ acknowledged: true, response: undefined });
    expect(routing.inbound.commands).toEqual([
      expect.objectContaining({
        command: 'rsvp',
        options: { event: 12, answer: 'going' },
        channel: { id: CHANNEL.id, name: CHANNEL.name },
      }),
    ]);
    expect(routing.responses()).toEqual([
      { response_type: 'ephemeral', replace_original: false, text: 'You are going.' },
    ]);
    expect(routing.inbound.cardRequests).toEqual([
      { channel: { id: CHANNEL.id, name: CHANNEL.name }, exchangeNumber: 12 },
    ]);
    const [update] = routing.connection.api.argsOf('chat.update');
    expect(update).toMatchObject({
      channel: CHANNEL.id,
      ts: '1700000000.000777',
      text: 'New exchange hosted by Český Krumlov\n#12 Letní tábor',
    });
    expect(JSON.stringify(update?.['blocks'])).toContain('"block_id":"twin_headline"');
    expect(JSON.stringify(update?.['blocks'])).toContain('"text":"#12 Letní tábor"');
  });

  it('replace a card only the clicker sees with their updated one', async () => {
    routing.inbound.respond = () => answered('Youth camp');
    await routing.connection.receiver.send(buttonClick({ actionId: 'twin_rsvp:maybe:12', ephemeral: true }));
    expect(routing.inbound.commands[0]).toMatchObject({ options: { event: 12, answer: 'maybe' } });
    expect(routing.responses()).toHaveLength(1);
    expect(routing.responses()[0]).toMatchObject({ replace_original: true });
    expect(JSON.stringify(routing.responses()[0]?.['blocks'])).toContain('"action_id":"twin_rsvp:going:12"');
    expect(routing.connection.api.argsOf('chat.update')).toEqual([]);
  });

  it('show a refusal only to the clicker and redraw the card as the channel shows it (a cancelled one loses its buttons)', async () => {
    routing.inbound.card = card('Letní tábor');
    routing.inbound.respond = () => ({
      text: `Answers are closed: the exchange is over.\n${exchangeCardText(card('Youth camp'))}`,
      private: false,
      exchange: card('Youth camp'),
      error: { key: 'rsvp.closed' },
    });
    await routing.connection.receiver.send(buttonClick({ actionId: 'twin_rsvp:no:12' }));
    expect(routing.responses()).toHaveLength(1);
    expect(routing.responses()[0]).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(String(routing.responses()[0]?.['text'])).toMatch(
      /^Answers are closed: the exchange is over\.\n#12 Youth camp/,
    );
    const [update] = routing.connection.api.argsOf('chat.update');
    expect(update).toMatchObject({ channel: CHANNEL.id, ts: '1700000000.000100' });
    expect(JSON.stringify(update?.['blocks'])).toContain('"text":"#12 Letní tábor"');
  });

  it('leave the card alone when a refused click has no card for the channel', async () => {
    routing.inbound.respond = () => ({
      text: 'Event #12 was not found.',
      private: true,
      error: { key: 'event.not-found' },
    });
    await routing.connection.receiver.send(buttonClick({ actionId: 'twin_rsvp:no:12' }));
    expect(routing.responses()).toEqual([
      { response_type: 'ephemeral', replace_original: false, text: 'Event #12 was not found.' },
    ]);
    expect(routing.inbound.cardRequests).toHaveLength(1);
    expect(routing.connection.api.argsOf('chat.update')).toEqual([]);
  });

  it('ignore components that are not ours: nothing runs, nothing is acknowledged', async () => {
    const other = await routing.connection.receiver.send(buttonClick({ actionId: 'someone_elses_button' }));
    const malformed = await routing.connection.receiver.send(
      buttonClick({ actionId: 'twin_rsvp:going:twelve' }),
    );
    expect([other.acknowledged, malformed.acknowledged]).toEqual([false, false]);
    expect(routing.inbound.commands).toEqual([]);
    expect(routing.responses()).toEqual([]);
  });
});

describe('the form (event create)', () => {
  async function openForm(): Promise<string> {
    await routing.connection.receiver.send(slashCommand('event create'));
    const [opened] = routing.connection.api.argsOf('views.open');
    return String((opened?.['view'] as { private_metadata?: unknown }).private_metadata);
  }

  const filledIn = {
    partnership: { value: { type: 'static_select', selected_option: { value: '1' } } },
    title: { value: { type: 'plain_text_input', value: 'Youth camp' } },
    kind: { value: { type: 'static_select', selected_option: { value: 'youth-exchange' } } },
    start: { value: { type: 'plain_text_input', value: 'tomorrow 18:00' } },
    end: { value: { type: 'plain_text_input', value: null } },
  };

  it('opens instead of running, in the reader language, with their partnerships to pick', async () => {
    routing.inbound.language = 'cs';
    routing.inbound.suggestions = (source) =>
      source === 'partnership' ? [{ value: 1, label: '#1 Krumlov – Passau' }] : [];
    await routing.connection.receiver.send(slashCommand('event create'));
    expect(routing.inbound.commands).toEqual([]);
    expect(routing.inbound.suggestRequests).toMatchObject([{ source: 'partnership', typed: '' }]);
    const [opened] = routing.connection.api.argsOf('views.open');
    expect(opened?.['trigger_id']).toBe('1337.42.trigger');
    const view = opened?.['view'] as Record<string, unknown>;
    expect(view['callback_id']).toBe('twin_command_modal');
    expect(view['title']).toMatchObject({ text: 'Nová akce' });
    expect(JSON.parse(String(view['private_metadata']))).toEqual({
      command: 'event.create',
      channelId: CHANNEL.id,
      channelName: CHANNEL.name,
    });
    expect(JSON.stringify(view['blocks'])).toContain('"text":"#1 Krumlov – Passau"');
  });

  it('runs its command with the filled-in fields, closes, and confirms it to the coordinator alone', async () => {
    const metadata = await openForm();
    routing.inbound.respond = () => ({ text: 'Exchange #12 created.', private: false });
    const ack = await routing.connection.receiver.send(
      viewSubmission({ privateMetadata: metadata, values: filledIn }),
    );
    expect(ack).toEqual({ acknowledged: true, response: undefined });
    expect(routing.inbound.commands).toEqual([
      expect.objectContaining({
        command: 'event.create',
        options: { partnership: '1', title: 'Youth camp', kind: 'youth-exchange', start: 'tomorrow 18:00' },
        channel: { id: CHANNEL.id, name: CHANNEL.name },
      }),
    ]);
    // A coordinator's command: the channel gets the card from the outbox, not the confirmation.
    expect(routing.connection.api.argsOf('chat.postEphemeral')).toMatchObject([
      { channel: CHANNEL.id, user: JANA.id, text: 'Exchange #12 created.' },
    ]);
    expect(routing.connection.api.argsOf('chat.postMessage')).toEqual([]);
  });

  it('shows a refusal about a field on that field, in the acknowledgement', async () => {
    const metadata = await openForm();
    routing.inbound.respond = () => ({
      text: 'The start 2020-01-01 10:00 lies in the past.\nevent create partnership:<number> …',
      private: true,
      error: { key: 'event.start-in-past' },
    });
    const past = await routing.connection.receiver.send(
      viewSubmission({ privateMetadata: metadata, values: filledIn }),
    );
    routing.inbound.respond = () => ({
      text: 'A title has at most 100 characters.',
      private: true,
      error: { key: 'validation', option: 'title' },
    });
    const long = await routing.connection.receiver.send(
      viewSubmission({ privateMetadata: metadata, values: filledIn }),
    );
    expect([past.response, long.response]).toEqual([
      { response_action: 'errors', errors: { start: 'The start 2020-01-01 10:00 lies in the past.' } },
      { response_action: 'errors', errors: { title: 'A title has at most 100 characters.' } },
    ]);
    expect(routing.connection.api.argsOf('chat.postMessage')).toMatchObject([]);
  });

  it('replaces itself with the reason when the refusal is not about a field', async () => {
    const metadata = await openForm();
    routing.inbound.respond = () => ({
      text: 'Only coordinators may do that.',
      private: true,
      error: { key: 'auth.coordinator-only' },
    });
    const ack = await routing.connection.receiver.send(
      viewSubmission({ privateMetadata: metadata, values: filledIn }),
    );
    expect(ack.response).toMatchObject({ response_action: 'update' });
    const view = (ack.response as { view: Record<string, unknown> }).view;
    expect(JSON.stringify(view['blocks'])).toContain('"text":"Only coordinators may do that."');
  });

  it('closes at the deadline when the command is slow, and answers once it is done', async () => {
    const metadata = await openForm();
    const reply = deferred<Reply>();
    const started = deferred<undefined>();
    routing.inbound.respond = () => {
      started.resolve(undefined);
      return reply.promise;
    };
    const dispatch = routing.connection.receiver.dispatch(
      viewSubmission({ privateMetadata: metadata, values: filledIn }),
    );
    await started.promise;
    routing.timer.fire();
    expect(await dispatch.acknowledged).toBeUndefined();
    expect(routing.connection.api.argsOf('chat.postEphemeral')).toEqual([]);
    reply.resolve({ text: 'Exchange #12 created.', private: false });
    await dispatch.handled;
    expect(routing.connection.api.argsOf('chat.postEphemeral')).toMatchObject([
      { channel: CHANNEL.id, user: JANA.id, text: 'Exchange #12 created.' },
    ]);
  });

  it('sends the answer as a direct message when the bot cannot post in that channel', async () => {
    const metadata = await openForm();
    routing.inbound.respond = () => ({ text: 'Exchange #12 created.', private: false });
    routing.connection.api.failNext('chat.postEphemeral', 'not_in_channel');
    await routing.connection.receiver.send(viewSubmission({ privateMetadata: metadata, values: filledIn }));
    expect(routing.connection.api.argsOf('chat.postEphemeral')).toMatchObject([{ channel: CHANNEL.id }]);
    expect(routing.connection.api.argsOf('chat.postMessage')).toMatchObject([
      { channel: JANA.id, text: 'Exchange #12 created.' },
    ]);
  });

  it('closes without running anything when the form is not one of ours', async () => {
    const forged = JSON.stringify({
      command: 'town.delete-everything',
      channelId: CHANNEL.id,
      channelName: 'x',
    });
    const unknown = await routing.connection.receiver.send(
      viewSubmission({ privateMetadata: forged, values: {} }),
    );
    const garbled = await routing.connection.receiver.send(
      viewSubmission({ privateMetadata: 'not json', values: {} }),
    );
    expect([unknown, garbled]).toEqual([
      { acknowledged: true, response: undefined },
      { acknowledged: true, response: undefined },
    ]);
    expect(routing.inbound.commands).toEqual([]);
  });
});
