// Delivers payloads to a bot's HTTP endpoint the way Slack does: form-encoded slash
// commands, `payload=<json>` interactions, JSON events, each signed with
// X-Slack-Signature v0 (docs.slack.dev/authentication/verifying-requests-from-slack).
// Options produce the failure cases a receiver must reject or deduplicate.

import { createHmac } from 'node:crypto';

import type {
  BlockActionInput,
  BuiltEvent,
  BuiltInteraction,
  EventInput,
  Interactions,
  SlashCommandInput,
  ViewSubmissionInput,
  Actor,
} from './interactions.ts';

export interface DeliveryOptions {
  /** Sign with a wrong secret (the receiver must answer 401). */
  badSignature?: boolean;
  /** Timestamp older than Bolt's 5-minute window (the receiver must answer 401). */
  stale?: boolean;
  /** Timestamp more than 5 minutes ahead (the receiver must answer 401). */
  future?: boolean;
  /** Explicit X-Slack-Request-Timestamp in seconds. */
  timestampSec?: number;
  /** X-Slack-Retry-Num (Slack re-delivers unacknowledged events up to 3 times). */
  retryNum?: number;
  /** X-Slack-Retry-Reason, e.g. `http_timeout`; default `http_timeout` when retryNum is set. */
  retryReason?: string;
  /** Override the Content-Type (Bolt only accepts the exact form type). */
  contentType?: string;
  /** Abort the request after this many ms (default 10 000). */
  timeoutMs?: number;
}

export interface HttpDelivery {
  /** HTTP status the bot answered. */
  readonly status: number;
  /** Raw response body. */
  readonly body: string;
  /** The response body parsed as JSON, or undefined when it is not JSON. */
  readonly json: unknown;
  readonly headers: Headers;
  /** Exactly what was signed and sent, for retries. */
  readonly rawBody: string;
  readonly contentType: string;
}

export type InteractionDelivery = HttpDelivery & {
  readonly payload: Record<string, unknown>;
  readonly responseUrl: string | undefined;
  readonly triggerId: string | undefined;
};

export type EventDelivery = HttpDelivery & {
  readonly payload: Record<string, unknown>;
  readonly eventId: string;
};

const FORM = 'application/x-www-form-urlencoded';
const JSON_TYPE = 'application/json';

/** `v0=` + hex HMAC-SHA256 of `v0:{timestamp}:{rawBody}` with the signing secret. */
export function slackSignature(signingSecret: string, timestampSec: number, rawBody: string): string {
  return `v0=${createHmac('sha256', signingSecret).update(`v0:${timestampSec}:${rawBody}`).digest('hex')}`;
}

export class SlackHttpBot {
  constructor(
    /** The bot's events URL, e.g. `http://127.0.0.1:PORT/slack/events`. */
    readonly endpoint: string,
    private readonly signingSecret: string,
    private readonly interactions: Interactions,
  ) {}

  slashCommand(input: SlashCommandInput, options: DeliveryOptions = {}): Promise<InteractionDelivery> {
    const built = this.interactions.slashCommand(input);
    return this.sendInteraction(built, new URLSearchParams(built.fields).toString(), FORM, options);
  }

  blockAction(input: BlockActionInput, options: DeliveryOptions = {}): Promise<InteractionDelivery> {
    return this.sendPayloadForm(this.interactions.blockAction(input), options);
  }

  viewSubmission(input: ViewSubmissionInput, options: DeliveryOptions = {}): Promise<InteractionDelivery> {
    return this.sendPayloadForm(this.interactions.viewSubmission(input), options);
  }

  event(input: EventInput, options: DeliveryOptions = {}): Promise<EventDelivery> {
    return this.sendEvent(this.interactions.event(input), options);
  }

  appMention(
    input: Actor & { text: string; threadTs?: string; eventId?: string },
    options: DeliveryOptions = {},
  ): Promise<EventDelivery> {
    return this.sendEvent(this.interactions.appMention(input), options);
  }

  /** The Events API URL handshake; Bolt answers `{ challenge }`. */
  urlVerification(challenge: string, options: DeliveryOptions = {}): Promise<HttpDelivery> {
    const body = JSON.stringify({ token: 'verification-token', challenge, type: 'url_verification' });
    return this.post(body, JSON_TYPE, options);
  }

  /**
   * Re-delivers an earlier request byte for byte, freshly signed, with retry headers:
   * what Slack does when the bot did not answer in 3 s.
   */
  retry(previous: HttpDelivery, options: DeliveryOptions & { retryNum: number }): Promise<HttpDelivery> {
    return this.post(previous.rawBody, previous.contentType, { retryReason: 'http_timeout', ...options });
  }

  /** Low level: sign and POST any body. */
  async post(rawBody: string, contentType: string, options: DeliveryOptions = {}): Promise<HttpDelivery> {
    const now = Math.floor(Date.now() / 1000);
    const shift = options.stale === true ? -6 * 60 : options.future === true ? 6 * 60 : 0;
    const timestamp = options.timestampSec ?? now + shift;
    const secret = options.badSignature === true ? `${this.signingSecret}-wrong` : this.signingSecret;
    const headers: Record<string, string> = {
      'Content-Type': options.contentType ?? contentType,
      'User-Agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
      'X-Slack-Request-Timestamp': String(timestamp),
      'X-Slack-Signature': slackSignature(secret, timestamp, rawBody),
    };
    if (options.retryNum !== undefined) {
      headers['X-Slack-Retry-Num'] = String(options.retryNum);
      headers['X-Slack-Retry-Reason'] = options.retryReason ?? 'http_timeout';
    }
    const response = await fetch(this.endpoint, {
      method: 'POST',
      headers,
      body: rawBody,
      redirect: 'manual',
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
    const body = await response.text();
    let json: unknown;
    try {
      json = body === '' ? undefined : JSON.parse(body);
    } catch {
      json = undefined;
    }
    return { status: response.status, body, json, headers: response.headers, rawBody, contentType };
  }

  private sendPayloadForm(built: BuiltInteraction, options: DeliveryOptions): Promise<InteractionDelivery> {
    const body = new URLSearchParams({ payload: JSON.stringify(built.payload) }).toString();
    return this.sendInteraction(built, body, FORM, options);
  }

  private async sendInteraction(
    built: BuiltInteraction,
    rawBody: string,
    contentType: string,
    options: DeliveryOptions,
  ): Promise<InteractionDelivery> {
    const delivery = await this.post(rawBody, contentType, options);
    return {
      ...delivery,
      payload: built.payload,
      responseUrl: built.responseUrl,
      triggerId: built.triggerId,
    };
  }

  private async sendEvent(built: BuiltEvent, options: DeliveryOptions): Promise<EventDelivery> {
    const delivery = await this.post(JSON.stringify(built.payload), JSON_TYPE, options);
    return { ...delivery, payload: built.payload, eventId: built.eventId };
  }
}
