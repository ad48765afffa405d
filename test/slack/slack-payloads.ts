/**
 * Request bodies as Slack sends them to an app (docs.slack.dev: slash command payloads,
 * block_actions, view_submission, the Events API's event_callback), for the fake receiver.
 * Written from Slack's documentation, not from the adapter.
 */

export const TEAM = { id: 'T0KRUMLOV', domain: 'krumlov' };
export const CHANNEL = { id: 'C0PARTNERI', name: 'partneri' };
export const JANA = { id: 'U0JANA', name: 'jana.novakova' };

export function slashCommand(text: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    token: 'verification-token',
    team_id: TEAM.id,
    team_domain: TEAM.domain,
    channel_id: CHANNEL.id,
    channel_name: CHANNEL.name,
    user_id: JANA.id,
    user_name: JANA.name,
    command: '/twin',
    text,
    api_app_id: 'A0TWIN',
    is_enterprise_install: 'false',
    response_url: 'https://hooks.slack.test/commands/T0KRUMLOV/1/abc',
    trigger_id: '1337.42.trigger',
    ...extra,
  };
}

export function buttonClick(input: {
  actionId: string;
  messageTs?: string;
  ephemeral?: boolean;
  blocks?: unknown[];
}): Record<string, unknown> {
  const ts = input.messageTs ?? '1700000000.000100';
  return {
    type: 'block_actions',
    team: TEAM,
    user: { id: JANA.id, username: JANA.name, name: JANA.name, team_id: TEAM.id },
    api_app_id: 'A0TWIN',
    token: 'verification-token',
    container: {
      type: 'message',
      message_ts: ts,
      channel_id: CHANNEL.id,
      is_ephemeral: input.ephemeral ?? false,
    },
    trigger_id: '1337.43.trigger',
    channel: CHANNEL,
    ...(input.ephemeral
      ? {}
      : { message: { type: 'message', ts, text: 'card', blocks: input.blocks ?? [] } }),
    response_url: 'https://hooks.slack.test/actions/T0KRUMLOV/2/def',
    actions: [
      {
        type: 'button',
        action_id: input.actionId,
        block_id: 'twin_rsvp_12',
        text: { type: 'plain_text', text: 'Going' },
        value: '12:going',
        action_ts: '1700000001.000200',
      },
    ],
  };
}

export function viewSubmission(input: {
  callbackId?: string;
  privateMetadata: string;
  values: Record<string, Record<string, unknown>>;
}): Record<string, unknown> {
  return {
    type: 'view_submission',
    team: TEAM,
    user: { id: JANA.id, username: JANA.name, name: JANA.name, team_id: TEAM.id },
    api_app_id: 'A0TWIN',
    token: 'verification-token',
    trigger_id: '1337.44.trigger',
    view: {
      id: 'V0FORM',
      team_id: TEAM.id,
      type: 'modal',
      callback_id: input.callbackId ?? 'twin_command_modal',
      private_metadata: input.privateMetadata,
      state: { values: input.values },
      hash: '1700000002.abc',
    },
  };
}

export function eventCallback(eventId: string, event: Record<string, unknown>): Record<string, unknown> {
  return {
    token: 'verification-token',
    team_id: TEAM.id,
    api_app_id: 'A0TWIN',
    event,
    type: 'event_callback',
    event_id: eventId,
    event_time: 1700000003,
  };
}

export function appMention(eventId: string, text: string, extra: Record<string, unknown> = {}) {
  return eventCallback(eventId, {
    type: 'app_mention',
    user: JANA.id,
    text,
    ts: '1700000004.000300',
    channel: CHANNEL.id,
    team: TEAM.id,
    event_ts: '1700000004.000300',
    ...extra,
  });
}
