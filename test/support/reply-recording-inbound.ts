/**
 * The core's InboundPort with every command's reply kept, so a set-up step can tell a refusal
 * from a confirmation that only the person sees (both are ephemeral on Slack).
 */
import type { InboundPort } from '../../src/core/adapter-contract.ts';
import type { CommandRequest, Reply } from '../../src/core/commands/invocation.ts';

export class ReplyRecordingInbound implements InboundPort {
  readonly replies: Reply[] = [];

  constructor(private readonly inbound: InboundPort) {}

  async runCommand(request: CommandRequest): Promise<Reply> {
    const reply = await this.inbound.runCommand(request);
    this.replies.push(reply);
    return reply;
  }

  suggest(...args: Parameters<InboundPort['suggest']>): ReturnType<InboundPort['suggest']> {
    return this.inbound.suggest(...args);
  }

  channelCard(...args: Parameters<InboundPort['channelCard']>): ReturnType<InboundPort['channelCard']> {
    return this.inbound.channelCard(...args);
  }

  clickedCardShown(redrawKey: string): Promise<void> {
    return this.inbound.clickedCardShown(redrawKey);
  }

  readerLanguage(
    ...args: Parameters<InboundPort['readerLanguage']>
  ): ReturnType<InboundPort['readerLanguage']> {
    return this.inbound.readerLanguage(...args);
  }

  messageArrived(...args: Parameters<InboundPort['messageArrived']>): Promise<void> {
    return this.inbound.messageArrived(...args);
  }

  messageEdited(...args: Parameters<InboundPort['messageEdited']>): Promise<void> {
    return this.inbound.messageEdited(...args);
  }

  messageDeleted(...args: Parameters<InboundPort['messageDeleted']>): Promise<void> {
    return this.inbound.messageDeleted(...args);
  }

  reactionChanged(...args: Parameters<InboundPort['reactionChanged']>): Promise<void> {
    return this.inbound.reactionChanged(...args);
  }

  relayResumePoints(
    ...args: Parameters<InboundPort['relayResumePoints']>
  ): ReturnType<InboundPort['relayResumePoints']> {
    return this.inbound.relayResumePoints(...args);
  }
}
