/**
 * What Discord reads in a message body besides storing it (developers/resources/message.mdx): the
 * limits it checks (content, nonce, embeds, components, files) and who the content pings, as
 * allowed_mentions lets it. messages.ts stores what passes.
 */

import type { APIUser } from 'discord.js';
import { MessageFlags } from 'discord.js';

import type { FormErrors, UploadedFile } from './http-body.ts';
import { apiErrors } from './http-body.ts';
import type { DiscordState } from './state.ts';

export function asObject(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** The users, roles and @everyone/@here a message's content pings (message.mdx, Allowed Mentions Object). */
export function mentionsIn(
  state: DiscordState,
  content: string,
  allowedMentions: unknown,
): { users: APIUser[]; roles: string[]; everyone: boolean } {
  const allowed = asObject(allowedMentions);
  const parse = Array.isArray(allowed?.parse) ? (allowed.parse as unknown[]) : undefined;
  const allowedUsers = Array.isArray(allowed?.users) ? (allowed.users as unknown[]) : [];
  const allowedRoles = Array.isArray(allowed?.roles) ? (allowed.roles as unknown[]) : [];
  // Without allowed_mentions everything in the content pings; with it, only what it lists.
  const userOk = (id: string) => !allowed || parse?.includes('users') === true || allowedUsers.includes(id);
  const roleOk = (id: string) => !allowed || parse?.includes('roles') === true || allowedRoles.includes(id);
  const users: APIUser[] = [];
  for (const [, id] of content.matchAll(/<@!?(\d{17,20})>/g)) {
    const user = id === undefined ? undefined : state.users.get(id);
    if (user && userOk(user.id) && !users.some((u) => u.id === user.id)) {
      users.push(state.apiUser(user));
    }
  }
  const roles = [...content.matchAll(/<@&(\d{17,20})>/g)]
    .map((m) => m[1] ?? '')
    .filter((id, i, all) => state.roles.has(id) && roleOk(id) && all.indexOf(id) === i);
  const everyone = /@(everyone|here)\b/.test(content) && (!allowed || parse?.includes('everyone') === true);
  return { users, roles, everyone };
}

/** Each file in a request may be at most 10 MiB (reference.mdx, Uploading Files): 413 code 40005 beyond. */
export const FILE_SIZE_LIMIT = 10 * 1024 * 1024;

export function checkFileSizes(files: readonly UploadedFile[]): void {
  if (files.some((f) => f.data.length > FILE_SIZE_LIMIT)) throw apiErrors.entityTooLarge();
}

export function isEmpty(body: Record<string, unknown>, fileCount: number): boolean {
  const nonEmptyArray = (v: unknown) => Array.isArray(v) && v.length > 0;
  return (
    !(typeof body.content === 'string' && body.content.length > 0) &&
    !nonEmptyArray(body.embeds) &&
    !nonEmptyArray(body.components) &&
    !nonEmptyArray(body.sticker_ids) &&
    body.poll === undefined &&
    fileCount === 0
  );
}

function maxLength(errors: FormErrors, path: (string | number)[], value: unknown, max: number): number {
  if (typeof value !== 'string') return 0;
  if (value.length > max) errors.add(path, 'BASE_TYPE_MAX_LENGTH', `Must be ${max} or fewer in length.`);
  return value.length;
}

/** Field limits from message.mdx (Embed Limits) and components/reference.mdx. */
export function checkBody(body: Record<string, unknown>, errors: FormErrors, fileCount: number): void {
  maxLength(errors, ['content'], body.content, 2000);
  if (body.nonce !== undefined) {
    if (typeof body.nonce === 'string') maxLength(errors, ['nonce'], body.nonce, 25);
    else if (!Number.isInteger(body.nonce)) errors.add(['nonce'], 'BASE_TYPE_INVALID', 'Invalid nonce.');
  }
  if (Array.isArray(body.embeds)) {
    if (body.embeds.length > 10) {
      errors.add(['embeds'], 'BASE_TYPE_MAX_LENGTH', 'Must be 10 or fewer in length.');
    }
    let total = 0;
    body.embeds.forEach((raw, i) => {
      const embed = asObject(raw) ?? {};
      total += maxLength(errors, ['embeds', i, 'title'], embed.title, 256);
      total += maxLength(errors, ['embeds', i, 'description'], embed.description, 4096);
      total += maxLength(errors, ['embeds', i, 'footer', 'text'], asObject(embed.footer)?.text, 2048);
      total += maxLength(errors, ['embeds', i, 'author', 'name'], asObject(embed.author)?.name, 256);
      const fields = Array.isArray(embed.fields) ? embed.fields : [];
      if (fields.length > 25) {
        errors.add(['embeds', i, 'fields'], 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
      }
      fields.forEach((f, j) => {
        const field = asObject(f) ?? {};
        total += maxLength(errors, ['embeds', i, 'fields', j, 'name'], field.name, 256);
        total += maxLength(errors, ['embeds', i, 'fields', j, 'value'], field.value, 1024);
      });
    });
    if (total > 6000) {
      errors.add(['embeds'], 'MAX_EMBED_SIZE_EXCEEDED', 'Embed size exceeds maximum size of 6000');
    }
  }
  const v2 = typeof body.flags === 'number' && (body.flags & MessageFlags.IsComponentsV2) !== 0;
  if (Array.isArray(body.components) && !v2) checkActionRows(body.components, errors);
  if (fileCount > 10) errors.add(['files'], 'BASE_TYPE_MAX_LENGTH', 'Must be 10 or fewer in length.');
}

function checkActionRows(rows: unknown[], errors: FormErrors): void {
  if (rows.length > 5) errors.add(['components'], 'BASE_TYPE_MAX_LENGTH', 'Must be 5 or fewer in length.');
  const seen = new Set<string>();
  rows.forEach((raw, i) => {
    const row = asObject(raw) ?? {};
    if (row.type !== 1) {
      errors.add(
        ['components', i, 'type'],
        'UNION_TYPE_CHOICES',
        'Value of field "type" must be one of (1,).',
      );
      return;
    }
    const children = Array.isArray(row.components) ? row.components : [];
    if (children.length < 1 || children.length > 5) {
      errors.add(
        ['components', i, 'components'],
        'BASE_TYPE_BAD_LENGTH',
        'Must be between 1 and 5 in length.',
      );
    }
    children.forEach((c, j) => {
      const component = asObject(c) ?? {};
      const path = ['components', i, 'components', j];
      maxLength(errors, [...path, 'label'], component.label, 80);
      // Link (5) and premium (6) buttons carry no custom_id; everything else needs a unique one.
      const needsId = !(component.type === 2 && (component.style === 5 || component.style === 6));
      if (!needsId) return;
      if (typeof component.custom_id !== 'string' || component.custom_id.length === 0) {
        errors.add([...path, 'custom_id'], 'BASE_TYPE_REQUIRED', 'This field is required');
        return;
      }
      maxLength(errors, [...path, 'custom_id'], component.custom_id, 100);
      if (seen.has(component.custom_id)) {
        errors.add(
          [...path, 'custom_id'],
          'COMPONENT_CUSTOM_ID_DUPLICATED',
          'Component custom id cannot be duplicated',
        );
      }
      seen.add(component.custom_id);
    });
  });
}
