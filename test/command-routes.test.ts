/** The route table pairs each command id with that command's own definition, every command once. */
import { describe, expect, it } from 'vitest';
import { commandList } from '../commands/index.ts';
import { commandRouteTable, commandRoutes } from '../src/command-routes.ts';
import { commandId } from '../src/core/commands/definition.ts';

describe('command routes', () => {
  it('route each id to the definition of that id', () => {
    for (const [id, route] of Object.entries(commandRouteTable)) expect(commandId(route.definition)).toBe(id);
  });

  it('route every definition once, by the very object the adapters register', () => {
    expect(commandRoutes.map((r) => r.definition)).toEqual(commandList);
    for (const route of commandRoutes) expect(commandList).toContain(route.definition);
  });
});
