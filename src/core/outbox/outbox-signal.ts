/**
 * "Deliveries were added and committed." The command bus raises it; the delivery worker listens
 * and drains. Built before both, it breaks the cycle bus → worker → adapters' posters → bus
 * without a holder filled in later.
 */
export class OutboxSignal {
  private readonly listeners = new Set<() => void>();

  raise(): void {
    for (const listener of this.listeners) listener();
  }

  /** Returns a function that stops listening. */
  listen(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
