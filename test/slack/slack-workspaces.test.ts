/**
 * Which bot token speaks for a workspace, with an in-memory installation store (no database, no
 * Web API call: building a client does not call Slack).
 */
import type { Installation, InstallationQuery } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import type { SlackInstallationStore } from '../../src/adapters/slack/slack-ports.ts';
import { SlackWorkspaces } from '../../src/adapters/slack/slack-workspaces.ts';

class MemoryInstallations implements SlackInstallationStore {
  readonly byTeam = new Map<string, Installation>();
  storeInstallation(installation: Installation): Promise<void> {
    this.byTeam.set(installation.team?.id ?? '', installation);
    return Promise.resolve();
  }
  fetchInstallation(query: InstallationQuery<boolean>): Promise<Installation> {
    const found = this.byTeam.get(query.teamId ?? '');
    return found ? Promise.resolve(found) : Promise.reject(new Error('not installed'));
  }
  find(query: InstallationQuery<boolean>): Promise<Installation | null> {
    return Promise.resolve(this.byTeam.get(query.teamId ?? '') ?? null);
  }
  deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
    this.byTeam.delete(query.teamId ?? '');
    return Promise.resolve();
  }
  count(): Promise<number> {
    return Promise.resolve(this.byTeam.size);
  }
}

const installation = (teamId: string, token: string) =>
  ({ team: { id: teamId }, bot: { token, scopes: [], id: 'B1', userId: 'U1' } }) as unknown as Installation;

describe('one workspace by bot token', () => {
  it('is not connected (retryable) until start learnt the team, then serves that team only', async () => {
    const workspaces = new SlackWorkspaces({ kind: 'single', botToken: 'xoxb-one' }, {});
    expect(await workspaces.clientFor('T1')).toEqual({
      unavailable: 'Slack is not connected yet',
      retryable: true,
    });
    workspaces.tokenBelongsTo('T1');
    expect(await workspaces.clientFor('T1')).toHaveProperty('token', 'xoxb-one');
    expect(await workspaces.clientFor('T2')).toMatchObject({ retryable: false });
  });
});

describe('workspaces installed through OAuth', () => {
  it('use the token of each installation; an uninstall deletes it and the workspace is gone for good', async () => {
    const store = new MemoryInstallations();
    await store.storeInstallation(installation('T1', 'xoxb-t1'));
    await store.storeInstallation(installation('T2', 'xoxb-t2'));
    const workspaces = new SlackWorkspaces({ kind: 'oauth', store }, {});
    expect(await workspaces.clientFor('T1')).toHaveProperty('token', 'xoxb-t1');
    await workspaces.uninstalled({ teamId: 'T1' });
    expect([...store.byTeam.keys()]).toEqual(['T2']);
    expect(await workspaces.clientFor('T1')).toEqual({
      unavailable: 'Twinbridge is not installed in Slack workspace T1',
      retryable: false,
    });
    expect(await workspaces.clientFor('T2')).toHaveProperty('token', 'xoxb-t2');
  });
});
