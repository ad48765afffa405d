/**
 * Commands filled in as a Slack modal (`/twin event create` alone): opening the form with the
 * member's language and suggestions, and its submission. A submission is answered in its
 * acknowledgement (field errors must travel there), so it waits for the command, but only until
 * the deadline: Slack allows 3 s, so a slow command closes the form and answers in the channel.
 */
import type { AckFn, ViewResponseAction, ViewSubmitAction, webApi } from '@slack/bolt';
import { commands, type CommandId } from '../../../commands/index.ts';
import type { InboundPort } from '../../core/adapter-contract.ts';
import { within, type DeadlineTimer } from '../../core/async/deadline.ts';
import type { CommandDefinition } from '../../core/commands/definition.ts';
import type { ChannelRef } from '../../core/commands/invocation.ts';
import {
  commandModal,
  decodeMetadata,
  fieldErrors,
  refusalModal,
  submittedOptions,
} from './command-modal.ts';
import { answerFor, type SlackAnswers } from './slack-answers.ts';
import type { Identified, SlackProfiles } from './slack-profiles.ts';

type WebClient = webApi.WebClient;

export interface CommandFormsTuning {
  /** A submission answers Slack within this (default 2500 ms); slower commands answer later. */
  modalDeadlineMs?: number;
  /** The timer the deadline runs on (real by default). */
  timer?: DeadlineTimer;
}

export class CommandForms {
  constructor(
    private readonly inbound: InboundPort,
    private readonly profiles: SlackProfiles,
    private readonly answers: SlackAnswers,
    private readonly tuning: CommandFormsTuning = {},
  ) {}

  async open(
    client: WebClient,
    triggerId: string,
    commandId: CommandId,
    who: Identified,
    channel: ChannelRef,
  ): Promise<void> {
    const definition: CommandDefinition = commands[commandId];
    const autocompleted = Object.entries(definition.options).flatMap(([name, spec]) =>
      (spec.type === 'integer' || spec.type === 'string') && spec.autocomplete
        ? [{ name, source: spec.autocomplete }]
        : [],
    );
    const [language, ...lists] = await Promise.all([
      this.inbound.readerLanguage(who.actor, who.locale),
      ...autocompleted.map(({ source }) => this.inbound.suggest(who.actor, source, '')),
    ]);
    const suggestions = Object.fromEntries(autocompleted.map(({ name }, i) => [name, lists[i] ?? []]));
    await this.answers.safely('views.open', () =>
      client.views.open({
        trigger_id: triggerId,
        view: commandModal({
          commandId,
          definition,
          language,
          suggestions,
          metadata: { command: commandId, channelId: channel.id, channelName: channel.name },
        }),
      }),
    );
  }

  async submit(body: ViewSubmitAction, ack: AckFn<ViewResponseAction>, client: WebClient): Promise<void> {
    const metadata = decodeMetadata(body.view.private_metadata);
    if (!metadata || !Object.hasOwn(commands, metadata.command)) {
      await ack();
      return;
    }
    const commandId = metadata.command as CommandId;
    const definition = commands[commandId];
    const channel = { id: metadata.channelId, name: metadata.channelName };
    const who = await this.profiles.identify(client, {
      teamId: body.team?.id ?? body.user.team_id ?? '',
      teamName: body.team?.domain,
      userId: body.user.id,
      userName: body.user.name,
    });
    const running = this.inbound.runCommand({
      command: commandId,
      options: submittedOptions(definition, body.view.state.values),
      actor: who.actor,
      channel,
      locale: who.locale,
    });
    const reply = await within(running, this.tuning.modalDeadlineMs ?? 2500, this.tuning.timer);
    if (!reply) {
      // Slow: close the form now (Slack waits 3 s at most) and answer in the channel when done.
      await ack();
      await this.answers.inChannel(client, answerFor(definition, await running), who, channel);
      return;
    }
    if (!reply.error) {
      await ack();
      await this.answers.inChannel(client, answerFor(definition, reply), who, channel);
      return;
    }
    const errors = fieldErrors(definition, reply);
    if (errors) {
      await ack({ response_action: 'errors', errors });
      return;
    }
    const language = await this.inbound.readerLanguage(who.actor, who.locale);
    await ack({ response_action: 'update', view: refusalModal(commandId, reply.text, language) });
  }
}
