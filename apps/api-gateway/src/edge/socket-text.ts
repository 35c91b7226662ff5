import { type RawData } from 'ws';

/** The text of a WebSocket message, whether `ws` delivered it as one buffer or as fragments. */
export function rawText(raw: RawData): string {
  if (Array.isArray(raw)) return Buffer.concat(raw).toString('utf8');
  return Buffer.from(raw as ArrayBuffer).toString('utf8');
}
