/**
 * A direct message's id as the outbox records it: the direct conversation's id and the message's
 * id there (Discord's DM channel and message id, Slack's IM channel and ts), so the message can
 * be edited later without asking the platform for the conversation again.
 */
const SEPARATOR = '/';

export function directMessageRef(conversationId: string, messageId: string): string {
  return `${conversationId}${SEPARATOR}${messageId}`;
}

/** The parts of a ref; a bare message id (recorded before refs named the conversation) has none. */
export function readDirectMessageRef(ref: string): { conversationId?: string; messageId: string } {
  const at = ref.indexOf(SEPARATOR);
  return at < 0 ? { messageId: ref } : { conversationId: ref.slice(0, at), messageId: ref.slice(at + 1) };
}
