import type { LoggerService } from '@nestjs/common';
import type { Level, Logger } from 'pino';

// The shape Nest's ConsoleLogger recognises as a stack trace passed as a plain string.
const STACK_PATTERN = /^(.)+\n\s+at .+:\d+:\d+/;

/**
 * Routes Nest log calls into the service's JSON logger. Nest appends the logging class name as the
 * last parameter; it becomes the `context` field. Besides Nest's own `(message, ...params)` calls,
 * services may log pino-style through Nest's `Logger`: `(fields, message)`, fields first.
 */
export class NestJsonLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }

  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }

  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }

  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  private write(level: Level, message: unknown, params: unknown[]): void {
    if (!this.logger.isLevelEnabled(level)) return;
    const rest = [...params];
    const context = rest.length > 0 && typeof rest.at(-1) === 'string' ? (rest.pop() as string) : undefined;
    const stack = rest.find(
      (param): param is string => typeof param === 'string' && STACK_PATTERN.test(param),
    );
    const fields: Record<string, unknown> = { context, stack };
    const extra = rest.filter((param) => param !== stack && param !== undefined);

    // Pino-style, as the services log: (fields, message).
    if (
      isFields(message) &&
      !(message instanceof Error) &&
      extra.length === 1 &&
      typeof extra[0] === 'string'
    ) {
      this.logger[level]({ ...fields, ...message }, extra[0]);
      return;
    }
    if (extra.length > 0) fields.params = extra;
    if (message instanceof Error) {
      this.logger[level]({ ...fields, err: message }, message.message);
    } else if (typeof message === 'object' && message !== null) {
      this.logger[level]({ ...fields, data: message }, '');
    } else {
      this.logger[level](fields, String(message));
    }
  }
}

function isFields(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
