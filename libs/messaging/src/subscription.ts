/** A running consumer or command handler. */
export interface BusSubscription {
  readonly subject: string;
  /** Stops taking new messages and resolves once the handlers already running have finished. */
  stop(): Promise<void>;
}
