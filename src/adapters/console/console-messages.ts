/**
 * Members writing in a console channel, for the relay (docs/RELAY.md): `:say`, `:reply`, `:edit`
 * and `:delete` play what a member does on Discord or Slack. Messages are numbered `msg-1`,
 * `msg-2` … in the session; relayed copies carry the poster's ids (`console-3`), so a reply or a
 * moderator's removal can name either.
 */
import type { InboundPort } from '../../core/adapter-contract.ts';
import { storedId } from './console-ids.ts';
import type { ConsoleIdentity } from './console-session.ts';

export const MESSAGE_DIRECTIVES = ['say', 'reply', 'edit', 'delete'] as const;
export type MessageDirective = (typeof MESSAGE_DIRECTIVES)[number];

export const isMessageDirective = (name: string): name is MessageDirective =>
  (MESSAGE_DIRECTIVES as readonly string[]).includes(name);

export class ConsoleMessages {
  private written = 0;
  private edits = 0;

  constructor(private readonly inbound: InboundPort) {}

  /** Plays one directive; returns what the console prints. */
  async play(directive: MessageDirective, words: string[], identity: ConsoleIdentity): Promise<string> {
    const source = {
      platform: 'CONSOLE' as const,
      communityExternalId: identity.community,
      channelId: identity.channel,
    };
    const author = { userId: identity.user, displayName: identity.user };
    switch (directive) {
      case 'say':
      case 'reply': {
        const [inReplyTo, ...rest] = directive === 'reply' ? words : [undefined, ...words];
        const text = rest.join(' ');
        if (!text || (directive === 'reply' && !inReplyTo)) return `✗ Say what: ${USAGE[directive]}`;
        const shown = `msg-${++this.written}`;
        await this.inbound.messageArrived({
          ...source,
          messageId: storedId(shown),
          author,
          text,
          ...(inReplyTo ? { inReplyTo: storedId(inReplyTo) } : {}),
        });
        return `• ${shown} written in #${identity.channel}`;
      }
      case 'edit': {
        const [messageId, ...rest] = words;
        if (!messageId || rest.length === 0) return `✗ Say what: ${USAGE.edit}`;
        const editId = `edit-${++this.edits}`;
        await this.inbound.messageEdited({
          ...source,
          messageId: storedId(messageId),
          editId,
          author,
          text: rest.join(' '),
        });
        return `• ${messageId} edited`;
      }
      case 'delete': {
        const [messageId] = words;
        if (!messageId) return `✗ Say which: ${USAGE.delete}`;
        await this.inbound.messageDeleted({ ...source, messageId: storedId(messageId) });
        return `• ${messageId} deleted`;
      }
    }
  }
}

const USAGE: Record<MessageDirective, string> = {
  say: ':say <text>',
  reply: ':reply <id> <text>',
  edit: ':edit <id> <text>',
  delete: ':delete <id>',
};

export const MESSAGE_HELP = `  :say <text>            write in this channel as a member (relayed where the channel relays)
  :reply <id> <text>     answer a message (msg-1, or a relayed copy's console-3) in its thread
  :edit <id> <text>      change a message you wrote
  :delete <id>           delete a message (a relayed copy: as a moderator, everywhere)`;
