/**
 * Slack's side of HTTP for routing tests, without a server: a `fetch` handed to Bolt's App
 * (clientOptions.fetch), through which both its Web API client and its `respond()` (a POST to
 * the response_url) go. It records every call and answers with what Slack would, or with a
 * failure or a held answer the test set up. No socket is opened.
 */

/** A Web API call as the bot made it: `chat.postMessage` and its arguments. */
export interface ApiCall {
  method: string;
  args: Record<string, unknown>;
}

/** A POST to a response_url (respond()). */
export interface ResponseUrlPost {
  url: string;
  body: Record<string, unknown>;
}

export interface SlackPerson {
  name: string;
  displayName?: string;
  locale?: string;
  /** users.info `is_admin` / `is_owner`. */
  admin?: boolean;
  owner?: boolean;
}

const API_URL = 'https://slack.test/api/';

/** Arguments as the Web API client form-encodes them (objects and arrays as JSON). */
function decodeArgs(body: unknown): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(typeof body === 'string' ? body : '')) {
    args[key] = /^[[{]/.test(value) ? JSON.parse(value) : value;
  }
  return args;
}

function json(data: unknown, status = 200): Response {
  return new Response(JSON.stringify(data), { status, headers: { 'content-type': 'application/json' } });
}

export class RecordingSlackApi {
  static readonly apiUrl = API_URL;
  readonly calls: ApiCall[] = [];
  readonly responsePosts: ResponseUrlPost[] = [];
  private readonly people = new Map<string, SlackPerson>();
  /** Channels the bot is not a member of (conversations.info `is_member: false`). */
  readonly channelsWithoutBot = new Set<string>();
  private readonly failures = new Map<string, string>();
  private readonly held = new Map<string, { arrived: () => void; released: Promise<void> }>();
  private nextTs = 1;

  /** What users.info tells about a person; unknown people are `user_not_found`. */
  person(userId: string, person: SlackPerson): void {
    this.people.set(userId, person);
  }

  /** The next call of `method` fails with this Slack error code. */
  failNext(method: string, error: string): void {
    this.failures.set(method, error);
  }

  /** The next call of `method` is answered only once `release()` is called; `called` tells it came. */
  hold(method: string): { called: Promise<void>; release: () => void } {
    let release!: () => void;
    let arrived!: () => void;
    const called = new Promise<void>((resolve) => (arrived = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    this.held.set(method, { arrived, released });
    return { called, release };
  }

  /** The arguments of every call of `method`, in order. */
  argsOf(method: string): Record<string, unknown>[] {
    return this.calls.filter((call) => call.method === method).map((call) => call.args);
  }

  readonly fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!url.startsWith(API_URL)) {
      this.responsePosts.push({
        url,
        body: JSON.parse(typeof init?.body === 'string' ? init.body : '{}') as Record<string, unknown>,
      });
      return new Response('', { status: 200 });
    }
    const method = url.slice(API_URL.length);
    const args = decodeArgs(init?.body);
    this.calls.push({ method, args });
    const hold = this.held.get(method);
    this.held.delete(method);
    if (hold) {
      hold.arrived();
      await hold.released;
    }
    const failure = this.failures.get(method);
    this.failures.delete(method);
    if (failure) return json({ ok: false, error: failure });
    return json({ ok: true, ...this.result(method, args) });
  };

  private result(method: string, args: Record<string, unknown>): Record<string, unknown> {
    const ts = `1700000000.${String(this.nextTs++).padStart(6, '0')}`;
    switch (method) {
      case 'users.info':
        return this.userInfo(String(args['user']));
      case 'conversations.info': {
        const channel = String(args['channel']);
        return { channel: { id: channel, is_member: !this.channelsWithoutBot.has(channel) } };
      }
      case 'chat.postMessage':
        return { channel: args['channel'], ts };
      case 'chat.postEphemeral':
        return { message_ts: ts };
      case 'chat.update':
        return { channel: args['channel'], ts: args['ts'] };
      case 'views.open':
        return { view: { id: 'V0FORM' } };
      default:
        return {};
    }
  }

  private userInfo(userId: string): Record<string, unknown> {
    const person = this.people.get(userId);
    if (!person) return { ok: false, error: 'user_not_found' };
    return {
      user: {
        id: userId,
        name: person.name,
        real_name: person.name,
        profile: { display_name: person.displayName ?? '' },
        locale: person.locale,
        is_admin: person.admin ?? false,
        is_owner: person.owner ?? false,
      },
    };
  }
}
