import { type CommandDefinition, type EventDefinition } from '@ocs/contracts';
import { EventPattern, MessagePattern } from '@nestjs/microservices';

/**
 * `@EventPattern` for a contract: the subject comes from the definition and a command cannot be
 * passed by mistake. It also spares handlers Nest's typed `@EventPattern(string)` overload, which
 * rejects a second parameter such as `@Ctx() context: BusContext`.
 */
export function ConsumeEvent(event: EventDefinition): MethodDecorator {
  return EventPattern<string>(event.subject);
}

/** `@MessagePattern` for a contract. */
export function ServeCommand(command: CommandDefinition): MethodDecorator {
  return MessagePattern<string>(command.subject);
}
