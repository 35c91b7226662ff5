/**
 * `service-client-api.accepted-web-content-origins` (wwe-service-client-api-reference.txt, "Security
 * configuration"): a comma-separated list of origins, `*` for any page, each optionally followed by
 * the requests it may make in parentheses - `http://a (*)`, `http://b (agent.*, voice.dial)`. An
 * origin without parentheses may make every request. Pure.
 */

export interface OriginRule {
  /** A normalized origin, or `*` for every origin. */
  readonly origin: string;
  /** `*`, `<namespace>.*` or `<namespace>.<method>`. */
  readonly filters: readonly string[];
}

export type OriginRulesResult = { ok: true; rules: OriginRule[] } | { ok: false; error: string };

const ENTRY = /^([^\s()]+)\s*(?:\(([^()]*)\))?$/;

/** Parses the option's value; an unreadable entry is a configuration error, never ignored. */
export function parseAcceptedOrigins(value: string): OriginRulesResult {
  const rules: OriginRule[] = [];
  for (const entry of splitEntries(value)) {
    const match = ENTRY.exec(entry);
    if (!match) return { ok: false, error: `cannot read the entry "${entry}"` };
    const origin = match[1] === '*' ? '*' : normalizeOrigin(match[1] as string);
    if (origin === undefined) return { ok: false, error: `"${match[1]}" is not an origin` };
    const filters =
      match[2] === undefined
        ? ['*']
        : match[2]
            .split(',')
            .map((filter) => filter.trim())
            .filter((filter) => filter !== '');
    if (filters.length === 0) return { ok: false, error: `the entry "${entry}" allows no request` };
    rules.push({ origin, filters });
  }
  return { ok: true, rules };
}

/** Commas separate entries, except inside an entry's parentheses. */
function splitEntries(value: string): string[] {
  const entries: string[] = [];
  let depth = 0;
  let current = '';
  for (const character of value) {
    if (character === '(') depth++;
    if (character === ')') depth = Math.max(0, depth - 1);
    if (character === ',' && depth === 0) {
      entries.push(current);
      current = '';
    } else current += character;
  }
  entries.push(current);
  return entries.map((entry) => entry.trim()).filter((entry) => entry !== '');
}

/** `scheme://host[:port]` in lower case, without a path; undefined for anything else. */
export function normalizeOrigin(text: string): string | undefined {
  try {
    const url = new URL(text);
    if (url.origin === 'null') return undefined;
    if (url.pathname !== '/' || url.search !== '' || url.hash !== '') return undefined;
    return url.origin;
  } catch {
    return undefined;
  }
}

function filterAllows(filter: string, request: string): boolean {
  if (filter === '*') return true;
  if (filter.endsWith('.*')) return request.startsWith(filter.slice(0, -1));
  return filter === request;
}

/** Whether a page of `origin` may make `request` (`<namespace>.<method>`). */
export function originAllows(rules: readonly OriginRule[], origin: string, request: string): boolean {
  const normalized = normalizeOrigin(origin);
  return rules.some(
    (rule) =>
      (rule.origin === '*' || rule.origin === normalized) &&
      rule.filters.some((filter) => filterAllows(filter, request)),
  );
}

/** Whether a page of `origin` may use the API at all (subscribe and unsubscribe need no more). */
export function originAccepted(rules: readonly OriginRule[], origin: string): boolean {
  const normalized = normalizeOrigin(origin);
  return rules.some((rule) => rule.origin === '*' || rule.origin === normalized);
}
