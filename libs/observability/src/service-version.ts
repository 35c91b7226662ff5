import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The version of the workspace package.json, found by walking up from this file. The same lookup
 * works from the sources (tests), from dist/ and from the container image, which keeps package.json
 * at its root.
 */
export function serviceVersion(from: string = __dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const version = readVersion(path.join(dir, 'package.json'));
    if (version) return version;
    if (path.dirname(dir) === dir) return '0.0.0';
  }
}

function readVersion(file: string): string | undefined {
  try {
    const { version } = JSON.parse(readFileSync(file, 'utf8')) as { version?: unknown };
    return typeof version === 'string' ? version : undefined;
  } catch {
    return undefined;
  }
}
