import { ConfigError } from '@ocs/service-kit';
import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** A lognormal duration in a model setting: mean seconds and coefficient of variation. */
export const logNormal = z.object({ mean: z.number().positive(), cv: z.number().nonnegative() });

/** A setting given as inline JSON or as the path of a JSON file, checked against `schema`. */
export function readJsonSetting<S extends z.ZodType>(name: string, source: string, schema: S): z.output<S> {
  const text = source.trimStart().startsWith('{') ? source : readFileSync(source, 'utf8');
  const checked = schema.safeParse(parseJson(name, text));
  if (!checked.success) throw new ConfigError(`Invalid ${name}: ${z.prettifyError(checked.error)}`);
  return checked.data;
}

function parseJson(name: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`Invalid ${name}: ${(error as Error).message}`);
  }
}
