/** The logging the bus needs. A pino logger fits as it is. */
export interface BusLogger {
  error(fields: object, message: string): void;
  warn(fields: object, message: string): void;
}

export const consoleLogger: BusLogger = {
  error: (fields, message) => console.error(message, fields),
  warn: (fields, message) => console.warn(message, fields),
};
