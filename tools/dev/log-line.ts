/**
 * Services log one JSON object per line; the launcher shows them compactly so a person can follow
 * eight processes in one terminal. Anything that is not JSON is shown as it is.
 */
export function formatLogLine(service: string, line: string): string {
  const prefix = `[${service}]`.padEnd(21);
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return `${prefix} ${line}`;
  }
  if (typeof entry !== 'object' || entry === null) return `${prefix} ${line}`;
  const level = typeof entry.level === 'string' ? entry.level : String(entry.level ?? 'info');
  const trace = typeof entry.trace_id === 'string' ? ` trace=${entry.trace_id}` : '';
  const message = typeof entry.msg === 'string' ? entry.msg : line;
  return `${prefix} ${level.toUpperCase().padEnd(5)} ${message}${trace}`;
}
