// Components and modals: finding a button or select on a message, and the submitted components of a modal.

import type { APIMessage, APIModalSubmissionComponent } from 'discord.js';
import { ComponentType } from 'discord.js';

import { asObject } from './messages.ts';

/** Finds an interactive component by custom_id anywhere in a message (rows, sections, containers). */
export function findComponent(message: APIMessage, customId: string): Record<string, unknown> | undefined {
  const visit = (raw: unknown): Record<string, unknown> | undefined => {
    const component = asObject(raw);
    if (!component) return undefined;
    if (component.custom_id === customId) return component;
    for (const key of ['components', 'accessory', 'component'] as const) {
      const child = component[key];
      const found = Array.isArray(child) ? child.map(visit).find((c) => c !== undefined) : visit(child);
      if (found) return found;
    }
    return undefined;
  };
  return (message.components ?? []).map(visit).find((c) => c !== undefined);
}

/** The button `customId` on a message; throws if there is none. */
export function requireButton(message: APIMessage, customId: string): void {
  const component = findComponent(message, customId);
  if (component?.type !== ComponentType.Button) {
    throw new Error(`Discord emulator: message ${message.id} has no button ${customId}`);
  }
}

/** Checks that a string select `customId` on a message offers every value picked. */
export function requireSelectValues(message: APIMessage, customId: string, values: readonly string[]): void {
  const component = findComponent(message, customId);
  if (component?.type !== ComponentType.StringSelect) {
    throw new Error(`Discord emulator: message ${message.id} has no string select ${customId}`);
  }
  const options = Array.isArray(component.options) ? component.options.map((o) => asObject(o)?.value) : [];
  for (const value of values) {
    if (!options.includes(value)) {
      throw new Error(`Discord emulator: select ${customId} has no option ${value}`);
    }
  }
}

/** A modal submit's components built from scratch: one action row with one text input per field. */
export function textInputRows(fields: Readonly<Record<string, string>>): APIModalSubmissionComponent[] {
  let id = 0;
  return Object.entries(fields).map(([customId, value]) => ({
    type: ComponentType.ActionRow,
    id: ++id,
    components: [{ type: ComponentType.TextInput, id: ++id, custom_id: customId, value }],
  }));
}

/** The modal the bot opened (callback data), its text inputs filled from `fields`; throws on a missing or unknown field. */
export function fillModal(
  modal: Record<string, unknown>,
  fields: Readonly<Record<string, string>>,
): APIModalSubmissionComponent[] {
  const used = new Set<string>();
  let nextId = 0;
  const fill = (raw: unknown): APIModalSubmissionComponent | undefined => {
    const component = asObject(raw) ?? {};
    const id = typeof component.id === 'number' ? component.id : ++nextId;
    if (component.type === ComponentType.ActionRow) {
      const children = Array.isArray(component.components) ? component.components : [];
      return {
        type: ComponentType.ActionRow,
        id,
        components: children.map((c) => textInput(asObject(c) ?? {}, ++nextId)),
      };
    }
    if (component.type === ComponentType.Label) {
      return {
        type: ComponentType.Label,
        id,
        component: textInput(asObject(component.component) ?? {}, ++nextId),
      };
    }
    if (component.type === ComponentType.TextDisplay) return { type: ComponentType.TextDisplay, id };
    return undefined;
  };
  const textInput = (input: Record<string, unknown>, fallbackId: number) => {
    if (input.type !== ComponentType.TextInput || typeof input.custom_id !== 'string') {
      throw new Error('Discord emulator: submitModal only fills text inputs');
    }
    const value = fields[input.custom_id];
    if (value === undefined && input.required !== false) {
      throw new Error(`Discord emulator: required text input ${input.custom_id} needs a value`);
    }
    used.add(input.custom_id);
    return {
      type: ComponentType.TextInput as const,
      id: typeof input.id === 'number' ? input.id : fallbackId,
      custom_id: input.custom_id,
      value: value ?? '',
    };
  };
  const components = (Array.isArray(modal.components) ? modal.components : [])
    .map(fill)
    .filter((c) => c !== undefined);
  for (const name of Object.keys(fields)) {
    if (!used.has(name)) throw new Error(`Discord emulator: the modal has no text input ${name}`);
  }
  return components;
}
