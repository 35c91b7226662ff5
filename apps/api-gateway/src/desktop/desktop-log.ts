import { Logger } from '@nestjs/common';

/** Structured log lines: fields first, message second, as the services' pino loggers take them. */
export interface DesktopLog {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

/**
 * Nest's Logger takes the message first and treats a trailing string as its context, so the
 * fields go after the message; an `err` becomes its text, which survives JSON.
 */
export function desktopLog(context: string): DesktopLog {
  const logger = new Logger(context);
  const fieldsOf = (fields: object) => {
    const { err, ...rest } = fields as { err?: unknown };
    return err === undefined ? rest : { ...rest, err: err instanceof Error ? err.message : String(err) };
  };
  return {
    info: (fields, message) => logger.log(message, fieldsOf(fields)),
    warn: (fields, message) => logger.warn(message, fieldsOf(fields)),
    error: (fields, message) => logger.error(message, fieldsOf(fields)),
  };
}
