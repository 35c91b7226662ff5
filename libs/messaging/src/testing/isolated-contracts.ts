import { type CommandDefinition, type EventDefinition, type StreamDefinition } from '@ocs/contracts';
import { JetStreamApiCodes, JetStreamApiError } from '@nats-io/jetstream';
import { randomUUID } from 'node:crypto';
import { type Bus } from '../bus';

/**
 * Copies of contracts that only one test uses: subjects under a unique prefix and streams under
 * unique names. Tests that run at the same time against one server never see each other's
 * messages, and JetStream never refuses a stream because its subjects overlap another test's.
 */
export class IsolatedContracts {
  readonly prefix: string;
  private readonly streams = new Map<string, StreamDefinition>();

  constructor(private readonly bus: Bus) {
    this.prefix = `t${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  }

  stream(stream: StreamDefinition): StreamDefinition {
    let copy = this.streams.get(stream.name);
    if (!copy) {
      copy = {
        ...stream,
        name: `${stream.name}_${this.prefix}`,
        subjects: stream.subjects.map((subject) => `${this.prefix}.${subject}`),
      };
      this.streams.set(stream.name, copy);
    }
    return copy;
  }

  event<E extends EventDefinition>(event: E): E {
    return { ...event, subject: `${this.prefix}.${event.subject}`, stream: this.stream(event.stream) };
  }

  command<C extends CommandDefinition>(command: C): C {
    return { ...command, subject: `${this.prefix}.${command.subject}` };
  }

  /** Deletes the streams (and with them their consumers) that the test created. */
  async cleanup(): Promise<void> {
    for (const { name } of this.streams.values()) {
      await this.bus.manager.streams.delete(name).catch((error: unknown) => {
        if (!(error instanceof JetStreamApiError && error.code === JetStreamApiCodes.StreamNotFound))
          throw error;
      });
    }
  }
}
