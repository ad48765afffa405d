// Fault injection for the Web API: scripted failures (next N calls), per-channel platform
// errors, calls held without an answer, and a seeded random fault rate. Seeded so a
// "20 % faults" test fails the same calls on every run.

export type WebApiFault =
  /** HTTP 429 with a `Retry-After` header (seconds, default 1). */
  | { type: 'rate_limited'; retryAfter?: number }
  /** An HTTP error status (default 500) with a plain-text body. */
  | { type: 'http_error'; status?: number; body?: string }
  /** HTTP 200 with `{ ok: false, error }`, e.g. `not_in_channel`, `channel_not_found`. */
  | { type: 'error'; error: string }
  /**
   * No answer: the call is held until its rule is cleared (or the emulator stops), then
   * answered as if it had just arrived (`then: 'answer'`, the default: a post made late) or its
   * connection closed without a word (`'drop'`).
   */
  | { type: 'hang'; then?: 'answer' | 'drop' }
  /**
   * The call is carried out (a message posted, a file shared) but its answer is lost on the way
   * back: an HTTP error status (default 504) instead of the answer.
   */
  | { type: 'lost_answer'; status?: number };

export type ApiArgs = Readonly<Record<string, unknown>>;

export interface FaultRuleOptions {
  /** How many matching calls fail; default 1. `Infinity` keeps failing until cleared. */
  times?: number;
  /** Only calls whose arguments satisfy this fail (and count against `times`). */
  when?: (args: ApiArgs) => boolean;
}

export interface RandomFaultOptions {
  /** Method the faults apply to; default `chat.postMessage`. */
  method?: string;
  /** Fraction of calls that fail, 0..1. */
  rate: number;
  /** PRNG seed: the same seed and call order fail the same calls. */
  seed: number;
  /** Faults to draw from, uniformly; default a 429 (Retry-After 0) and a 503. */
  faults?: readonly WebApiFault[];
}

export interface FaultHandle {
  /** Calls this rule has failed so far. */
  readonly hits: number;
  /** Calls it will still fail (`Infinity` for persistent rules). */
  readonly remaining: number;
  /** Hang rules: calls held right now, waiting for clear(). */
  readonly holding: number;
  /** Ends the rule; calls it holds are let go. */
  clear(): void;
}

/** A fault picked for a call; a hang comes with the moment it is let go. */
export interface PickedFault {
  fault: WebApiFault;
  released?: Promise<void>;
}

interface Rule {
  readonly matches: (method: string, args: ApiArgs) => boolean;
  readonly draw: () => WebApiFault | undefined;
  remaining: number;
  hits: number;
  /** Lets go of one held call each. */
  readonly held: Set<() => void>;
}

/** mulberry32: tiny, fast and good enough to spread faults evenly. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export class FaultInjector {
  private rules: Rule[] = [];

  /** The next `times` calls of `method` (`'*'` for any) answer `fault`. */
  failNext(method: string, fault: WebApiFault, options: FaultRuleOptions = {}): FaultHandle {
    const when = options.when;
    return this.add({
      matches: (m, args) => (method === '*' || m === method) && (when === undefined || when(args)),
      draw: () => fault,
      remaining: options.times ?? 1,
      hits: 0,
      held: new Set(),
    });
  }

  /** Every call naming `channel` answers `{ok:false,error}` until cleared. */
  failChannel(channel: string, error = 'not_in_channel'): FaultHandle {
    return this.add({
      matches: (_m, args) => args['channel'] === channel,
      draw: () => ({ type: 'error', error }),
      remaining: Number.POSITIVE_INFINITY,
      hits: 0,
      held: new Set(),
    });
  }

  randomFaults(options: RandomFaultOptions): FaultHandle {
    const method = options.method ?? 'chat.postMessage';
    const faults = options.faults ?? [
      { type: 'rate_limited', retryAfter: 0 },
      { type: 'http_error', status: 503 },
    ];
    if (faults.length === 0) throw new Error('randomFaults needs at least one fault');
    const random = seededRandom(options.seed);
    return this.add({
      matches: (m) => m === method,
      // Two draws per call (fail?, which fault?) keep the sequence stable whatever the mix.
      draw: () => {
        const fails = random() < options.rate;
        const pick = faults[Math.floor(random() * faults.length)];
        return fails ? pick : undefined;
      },
      remaining: Number.POSITIVE_INFINITY,
      hits: 0,
      held: new Set(),
    });
  }

  /** Ends every rule, letting go of the calls they hold. */
  clear(): void {
    for (const rule of this.rules) release(rule);
    this.rules = [];
  }

  /** The fault for this call, if any rule fires; consumes one use of that rule. */
  pick(method: string, args: ApiArgs): PickedFault | undefined {
    for (const rule of this.rules) {
      if (rule.remaining <= 0 || !rule.matches(method, args)) continue;
      const fault = rule.draw();
      if (fault === undefined) continue;
      rule.remaining -= 1;
      rule.hits += 1;
      if (fault.type !== 'hang') return { fault };
      const released = new Promise<void>((resolve) => {
        const letGo = (): void => {
          rule.held.delete(letGo);
          resolve();
        };
        rule.held.add(letGo);
      });
      return { fault, released };
    }
    return undefined;
  }

  private add(rule: Rule): FaultHandle {
    this.rules.push(rule);
    return {
      get hits() {
        return rule.hits;
      },
      get remaining() {
        return rule.remaining;
      },
      get holding() {
        return rule.held.size;
      },
      clear: () => {
        release(rule);
        this.rules = this.rules.filter((r) => r !== rule);
      },
    };
  }
}

function release(rule: Rule): void {
  for (const letGo of [...rule.held]) letGo();
}
