/**
 * Fault injection for REST requests: scripted ("the next 2 POSTs to this route answer
 * 429") and seeded random ("20 % of channel posts fail"), so retry paths are testable
 * and runs are repeatable.
 */

/** Which requests a fault applies to. Omitted fields match anything. */
export interface RouteMatch {
  /** HTTP method, any case. */
  readonly method?: string;
  /**
   * A route template as Discord's docs write it with `:names`
   * (`/channels/:channel_id/messages`), a concrete path (`/channels/123/messages`),
   * or a RegExp tested against the concrete path. Paths are relative to `/api/v10`.
   */
  readonly route?: string | RegExp;
}

export type Fault =
  /** 429. `scope: 'user'` (default) also announces an exhausted bucket; `global` sets `X-RateLimit-Global`. */
  | {
      readonly type: 'rate-limit';
      readonly retryAfter?: number;
      readonly scope?: 'user' | 'shared' | 'global';
    }
  /** 403 `{ code: 50001, message: 'Missing Access' }`. */
  | { readonly type: 'missing-access' }
  /** 403 `{ code: 50013, message: 'Missing Permissions' }`. */
  | { readonly type: 'missing-permissions' }
  /** 5xx without a JSON body, as Discord's edge answers them. */
  | { readonly type: 'server-error'; readonly status?: 500 | 502 | 503 | 504 }
  /**
   * The request is carried out (a message is created, a webhook executed), but its answer is lost
   * on the way back: a 5xx from the edge (default 502, which discord.js repeats at once), with
   * `disconnect` a connection closed without an answer (discord.js throws, no retry), or with
   * `hang` no answer at all until the client's own timeout aborts the request (discord.js then
   * retries up to its `retries` option). What a retried post's nonce is for — and Execute Webhook
   * has none, so there a retry posts twice.
   */
  | {
      readonly type: 'lost-answer';
      readonly status?: 500 | 502 | 503 | 504;
      readonly disconnect?: boolean;
      readonly hang?: boolean;
    }
  /** Any other JSON error. */
  | { readonly type: 'error'; readonly status: number; readonly code?: number; readonly message?: string };

/** Execute Webhook on every channel webhook (and interaction follow-ups); narrow with a concrete path `/webhooks/{id}/{token}`. */
export const EXECUTE_WEBHOOK: RouteMatch = { method: 'POST', route: '/webhooks/:webhook_id/:webhook_token' };

export interface FaultHandle {
  /** Requests this rule has failed so far. */
  readonly hits: number;
  /** Requests it will still fail (Infinity for random faults). */
  readonly remaining: number;
  cancel(): void;
}

export interface RandomFaultOptions {
  /** Fraction of matching requests to fail, 0..1. */
  readonly rate: number;
  /** PRNG seed: the same seed and request order fail the same requests. */
  readonly seed?: number;
  /** Default: `POST /channels/:channel_id/messages`. */
  readonly match?: RouteMatch;
  /** Faults to pick from uniformly. Default: a 0.05 s 429 and a 500. */
  readonly faults?: readonly Fault[];
}

export interface RequestIdentity {
  readonly method: string;
  /** Concrete path below `/api/v10`, without the query. */
  readonly path: string;
  /** Template such as `/channels/:channel_id/messages`. */
  readonly route: string;
}

export function matchesRoute(match: RouteMatch, request: RequestIdentity): boolean {
  if (match.method !== undefined && match.method.toUpperCase() !== request.method) return false;
  const route = match.route;
  if (route === undefined) return true;
  if (route instanceof RegExp) return route.test(request.path);
  const wanted = route.replace(/^\/api\/v10(?=\/)/, '');
  return wanted === request.route || wanted === request.path;
}

interface Rule {
  readonly match: RouteMatch;
  pick(): Fault | undefined;
  readonly handle: FaultHandle;
}

/** Small, fast, well-distributed 32-bit PRNG (mulberry32): enough for repeatable fault patterns. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class FaultInjector {
  #rules: Rule[] = [];

  /** Fails the next `times` matching requests with `fault`. Scripted rules run before random ones. */
  failNext(match: RouteMatch, fault: Fault, times = 1): FaultHandle {
    let remaining = times;
    let hits = 0;
    const handle: FaultHandle = {
      get hits() {
        return hits;
      },
      get remaining() {
        return remaining;
      },
      cancel: () => {
        remaining = 0;
        this.#remove(rule);
      },
    };
    const rule: Rule = {
      match,
      handle,
      pick: () => {
        if (remaining <= 0) return undefined;
        remaining -= 1;
        hits += 1;
        if (remaining === 0) this.#remove(rule);
        return fault;
      },
    };
    // Scripted rules go before any random rule so tests stay predictable.
    const firstRandom = this.#rules.findIndex((r) => r.handle.remaining === Infinity);
    if (firstRandom === -1) this.#rules.push(rule);
    else this.#rules.splice(firstRandom, 0, rule);
    return handle;
  }

  random(options: RandomFaultOptions): FaultHandle {
    const random = seededRandom(options.seed ?? 1);
    const faults: readonly Fault[] = options.faults ?? [
      { type: 'rate-limit', retryAfter: 0.05 },
      { type: 'server-error', status: 500 },
    ];
    if (faults.length === 0) throw new Error('randomFaults: `faults` must not be empty');
    let hits = 0;
    let active = true;
    const handle: FaultHandle = {
      get hits() {
        return hits;
      },
      get remaining() {
        return active ? Infinity : 0;
      },
      cancel: () => {
        active = false;
        this.#remove(rule);
      },
    };
    const rule: Rule = {
      match: options.match ?? { method: 'POST', route: '/channels/:channel_id/messages' },
      handle,
      pick: () => {
        // Draw both numbers every time so the pattern depends only on the request order.
        const roll = random();
        const which = random();
        if (roll >= options.rate) return undefined;
        hits += 1;
        return faults[Math.floor(which * faults.length)];
      },
    };
    this.#rules.push(rule);
    return handle;
  }

  /** The fault for this request, if any rule claims it. */
  pick(request: RequestIdentity): Fault | undefined {
    for (const rule of [...this.#rules]) {
      if (!matchesRoute(rule.match, request)) continue;
      const fault = rule.pick();
      if (fault) return fault;
    }
    return undefined;
  }

  clear(): void {
    this.#rules = [];
  }

  #remove(rule: Rule): void {
    this.#rules = this.#rules.filter((r) => r !== rule);
  }
}
