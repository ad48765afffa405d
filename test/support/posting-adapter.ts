import type { PlatformAdapter } from '../../src/core/adapter-contract.ts';
import type { ChannelPoster } from '../../src/core/ports.ts';

/** A test adapter that only posts (a poster that records or gates what the outbox sends). */
export function postingAdapter(poster: ChannelPoster): PlatformAdapter {
  return {
    platform: poster.platform,
    poster,
    connectionState: () => 'connected',
    start: () => Promise.resolve(),
    stop: () => Promise.resolve(),
  };
}
