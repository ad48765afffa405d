// The interaction webhook (`/webhooks/{app}/{token}[/messages/@original|{id}]`): follow-ups and edits of responses.

import { createResponseMessage } from './interaction-callbacks.ts';
import type { InteractionEnvironment, InteractionRecord } from './interaction-types.ts';
import type { RestResult, UploadedFile } from './http-body.ts';
import { apiErrors } from './http-body.ts';
import type { MessageRecord } from './messages.ts';
import { asObject } from './messages.ts';

/** Serves one interaction-webhook request for `record`, after its token has been checked. */
export function answerInteractionWebhook(
  env: InteractionEnvironment,
  record: InteractionRecord,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  messageRef: string | undefined,
  body: unknown,
  files: readonly UploadedFile[],
): RestResult {
  const data = asObject(body) ?? {};
  if (method === 'POST' && messageRef === undefined) {
    if (record.loading && record.originalId !== undefined) {
      // Documented compatibility rule: a follow-up right after a deferral edits the loading message.
      return { status: 200, body: editTarget(env, record, '@original', data, files).message };
    }
    const created = createResponseMessage(env, record, data, files, 0, true);
    record.followUpIds.push(created.message.id);
    env.waiters.notify();
    return { status: 200, body: created.message };
  }
  if (messageRef === undefined) throw apiErrors.notFound();
  switch (method) {
    case 'GET':
      return { status: 200, body: targetMessage(env, record, messageRef).message };
    case 'PATCH':
      return { status: 200, body: editTarget(env, record, messageRef, data, files).message };
    case 'DELETE': {
      const target = targetMessage(env, record, messageRef);
      target.deleted = true;
      record.deleted.push(target.message.id);
      env.messageEvent('delete', target);
      env.waiters.notify();
      return { status: 204 };
    }
    default:
      throw apiErrors.notFound();
  }
}

/** `@original` or a follow-up id of this interaction; any other message is unknown to its webhook. */
function targetMessage(env: InteractionEnvironment, record: InteractionRecord, ref: string): MessageRecord {
  const id = ref === '@original' ? record.originalId : ref;
  const mine = id !== undefined && (id === record.originalId || record.followUpIds.includes(id));
  const target = mine ? env.messages.get(id) : undefined;
  if (!target) throw apiErrors.unknownMessage();
  return target;
}

function editTarget(
  env: InteractionEnvironment,
  record: InteractionRecord,
  ref: string,
  body: Record<string, unknown>,
  files: readonly UploadedFile[],
): MessageRecord {
  const target = targetMessage(env, record, ref);
  const edited = env.messages.edit(target, body, files);
  if (target.message.id === record.originalId) record.loading = false;
  record.edits.push({ target: ref, body, message: edited.message, at: Date.now() });
  env.messageEvent('update', edited);
  env.waiters.notify();
  return edited;
}
