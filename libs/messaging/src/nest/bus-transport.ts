import {
  replyErrorSchema,
  type CommandDefinition,
  type ContractDefinition,
  type ContractRegistry,
  type EventDefinition,
} from '@ocs/contracts';
import { Server, type CustomTransportStrategy, type MessageHandler } from '@nestjs/microservices';
import { lastValueFrom } from 'rxjs';
import { type Bus } from '../bus';
import { type ConsumeOptions } from '../consume';
import { CommandError } from '../errors';
import { durableName } from '../naming';
import { type ServeOptions } from '../serve';
import { isSettlement } from '../settlement';
import { type BusSubscription } from '../subscription';
import { BusContext } from './bus-context';

export interface BusTransportOptions {
  readonly bus: Bus;
  /** Contracts of the subjects handled, so requests and events are validated by their schemas. */
  readonly registry: ContractRegistry;
  /** The service's name: queue group of its command handlers, prefix of its durable consumers. */
  readonly service: string;
  /** Settings of the durable consumers behind `@EventPattern` handlers. */
  readonly consumer?: Omit<ConsumeOptions, 'durable'>;
  /** Settings of the listeners behind `@MessagePattern` handlers. */
  readonly serve?: Omit<ServeOptions, 'queue'>;
}

interface Route {
  readonly contract: ContractDefinition;
  readonly handler: MessageHandler;
}

/**
 * Nest transport over {@link Bus}: `@MessagePattern(Command.subject)` handlers answer commands,
 * `@EventPattern(Event.subject)` handlers consume events through a durable consumer of this
 * service. The handler's `@Payload()` is the validated envelope and its `@Ctx()` a
 * {@link BusContext}. The bus stays open when the transport closes: whoever connected it closes it.
 */
export class BusTransport extends Server implements CustomTransportStrategy {
  // The bus reports a failed event (and retries it), so Nest need not log the failure as well.
  override readonly propagatesEventHandlerErrors = true;
  private readonly subscriptions: BusSubscription[] = [];

  constructor(private readonly options: BusTransportOptions) {
    super();
  }

  async listen(callback: (error?: unknown) => void): Promise<void> {
    try {
      await this.start();
    } catch (error) {
      await this.close();
      return callback(error);
    }
    callback();
  }

  /** Stops taking messages and waits for the handlers already running. */
  async close(): Promise<void> {
    await Promise.all(this.subscriptions.splice(0).map((subscription) => subscription.stop()));
  }

  on(): never {
    throw new Error('BusTransport emits no events; Bus.status() tells the state of the connection');
  }

  unwrap<T>(): T {
    return this.options.bus as T;
  }

  private async start(): Promise<void> {
    // Every pattern is checked before anything is provisioned, so a wrong one leaves no trace.
    const routes = [...this.messageHandlers].map(([pattern, handler]) => this.route(pattern, handler));
    const streams = new Set(
      routes.flatMap(({ contract }) => (contract.kind === 'event' ? [contract.stream] : [])),
    );
    for (const stream of streams) await this.options.bus.ensureStream(stream);
    for (const route of routes) this.subscriptions.push(await this.subscribe(route));
  }

  private route(pattern: string, handler: MessageHandler): Route {
    const contract = this.options.registry.get(pattern);
    if (!contract) throw new Error(`No contract is registered for the pattern "${pattern}"`);
    if (contract.kind === 'event' && !handler.isEventHandler) {
      throw new Error(`${pattern} is an event: handle it with @EventPattern`);
    }
    if (contract.kind === 'command' && handler.isEventHandler) {
      throw new Error(`${pattern} is a command: handle it with @MessagePattern`);
    }
    return { contract, handler };
  }

  private subscribe({ contract, handler }: Route): Promise<BusSubscription> | BusSubscription {
    return contract.kind === 'event' ? this.consume(contract, handler) : this.serve(contract, handler);
  }

  private serve(command: CommandDefinition, handler: MessageHandler): BusSubscription {
    const options = { ...this.options.serve, queue: this.options.service };
    return this.options.bus.serve(
      command,
      async (request) => {
        try {
          return await this.invoke(handler, request, new BusContext([command.subject, null]));
        } catch (error) {
          throw asCommandError(error);
        }
      },
      options,
    );
  }

  private consume(event: EventDefinition, handler: MessageHandler): Promise<BusSubscription> {
    const options = { ...this.options.consumer, durable: durableName(this.options.service, event) };
    return this.options.bus.consume(event, options, async (envelope, delivery) => {
      const result = await this.invoke(handler, envelope, new BusContext([event.subject, delivery]));
      return isSettlement(result) ? result : undefined;
    });
  }

  /** Runs a Nest handler, whatever it returns (value, promise or observable), to its last value. */
  private async invoke(handler: MessageHandler, payload: unknown, context: BusContext): Promise<unknown> {
    const result: unknown = await handler(payload, context);
    return lastValueFrom(this.transformToObservable(result), { defaultValue: undefined });
  }
}

/**
 * Nest's exception filter hands over what an RpcException carries rather than the exception. When
 * that is a reply error (a CommandError, or an RpcException built the same way), answer with it.
 */
function asCommandError(error: unknown): unknown {
  const reply = replyErrorSchema.safeParse(error);
  return reply.success ? new CommandError(reply.data.code, reply.data.message, reply.data.details) : error;
}
