import { z } from 'zod';
import { type CommandDefinition } from './definitions';

/**
 * Error codes every service may return. Services add their own domain codes in the same style
 * (upper snake case); callers branch on the code, never on the message.
 */
export const ReplyErrorCode = {
  /** The request did not match the command's schema. `details` lists the problems. */
  ValidationFailed: 'VALIDATION_FAILED',
  /** The handler failed unexpectedly; the message says nothing about the cause on purpose. */
  Internal: 'INTERNAL_ERROR',
} as const;

export const replyErrorSchema = z.object({
  code: z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'upper snake case'),
  message: z.string(),
  details: z.unknown().optional(),
});

export type ReplyError = z.infer<typeof replyErrorSchema>;

/** Every command is answered with either its reply data or an error, never both. */
export type Reply<T> = { ok: true; data: T } | { ok: false; error: ReplyError };

export function replySchema<S extends z.ZodType>(data: S) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), data }),
    z.object({ ok: z.literal(false), error: replyErrorSchema }),
  ]);
}

export function replyOk<T>(data: T): Reply<T> {
  return { ok: true, data };
}

export function replyError(code: string, message: string, details?: unknown): Reply<never> {
  return { ok: false, error: details === undefined ? { code, message } : { code, message, details } };
}

/** Replies travel in envelopes too; their type names the command they answer. */
export function replyTypeOf(command: CommandDefinition): string {
  return `${command.type}.reply`;
}

/** One problem found in a message, in a form that survives JSON (the `details` of VALIDATION_FAILED). */
export interface ValidationIssue {
  /** Dotted path to the offending field; empty for the message as a whole. */
  path: string;
  message: string;
}

export function describeIssues(error: z.ZodError): ValidationIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}
