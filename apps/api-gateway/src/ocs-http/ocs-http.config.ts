import { BlockList, isIP } from 'node:net';
import { type EnvVarHelp } from '@ocs/service-kit';
import { z } from 'zod';

/** The manual's OCS HTTP listener is a port of its own ("OCS Support for HTTP", note). */
export const DEFAULT_OCS_HTTP_PORT = 3080;
const LOOPBACK = '127.0.0.1/32,::1/128';

/** One allowed client: an IPv4 or IPv6 address, or a CIDR block such as 10.0.0.0/8. */
function parseClient(
  entry: string,
): { address: string; prefix: number; family: 'ipv4' | 'ipv6' } | undefined {
  const [address, prefixText, extra] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || extra !== undefined) return undefined;
  const max = version === 4 ? 32 : 128;
  const prefix = prefixText === undefined ? max : /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : NaN;
  if (!(prefix >= 0 && prefix <= max)) return undefined;
  return { address, prefix, family: version === 4 ? 'ipv4' : 'ipv6' };
}

const clientList = z
  .string()
  .transform((text) =>
    text
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== ''),
  )
  .refine((entries) => entries.every((entry) => entry === '*' || parseClient(entry) !== undefined), {
    message: 'must be a comma-separated list of IP addresses or CIDR blocks, or *',
  });

export const ocsHttpEnvSchema = z.object({
  OCS_HTTP_PORT: z.coerce.number().int().min(0).max(65_535).default(DEFAULT_OCS_HTTP_PORT),
  // Records carry their URI (GSW_RECORD_URI); behind a proxy or NAT the listener's own address is
  // not what clients reach, so the base URL can be set.
  OCS_HTTP_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  // OCS itself trusts the clients of its configured connections; here, by default, only this host.
  OCS_HTTP_ALLOW: clientList.default(LOOPBACK.split(',')),
  OCS_HTTP_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
});

export interface OcsHttpConfig {
  /** Listening port; 0 picks a free one. */
  port: number;
  /** Base of GSW_RECORD_URI; undefined: the listener's own URL. */
  publicUrl: string | undefined;
  /** Client addresses allowed; `*` in the list allows every address. */
  allow: readonly string[];
  /** When set, every request must carry `Authorization: Bearer <token>`. */
  token: string | undefined;
}

export function toOcsHttpConfig(parsed: z.infer<typeof ocsHttpEnvSchema>): OcsHttpConfig {
  return {
    port: parsed.OCS_HTTP_PORT,
    publicUrl: parsed.OCS_HTTP_PUBLIC_URL?.replace(/\/+$/, ''),
    allow: parsed.OCS_HTTP_ALLOW,
    token: parsed.OCS_HTTP_TOKEN,
  };
}

/** Whether a client address is in the allow-list (IPv4-mapped IPv6 addresses count as IPv4). */
export function clientAllowed(allow: readonly string[], remoteAddress: string | undefined): boolean {
  if (allow.includes('*')) return true;
  if (remoteAddress === undefined) return false;
  const address = remoteAddress.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
  const family = isIP(address) === 4 ? 'ipv4' : 'ipv6';
  const list = new BlockList();
  for (const entry of allow) {
    const client = parseClient(entry);
    if (client) list.addSubnet(client.address, client.prefix, client.family);
  }
  return list.check(address, family);
}

export const OCS_HTTP_ENVIRONMENT: readonly EnvVarHelp[] = [
  {
    name: 'OCS_HTTP_PORT',
    default: String(DEFAULT_OCS_HTTP_PORT),
    meaning:
      'port of the OCS HTTP interface (records, phones, customer_ids, lists, campaigngroups); 0 picks one',
  },
  {
    name: 'OCS_HTTP_PUBLIC_URL',
    default: "(the listener's own URL)",
    meaning:
      'base URL clients reach the OCS HTTP interface at, for GSW_RECORD_URI, e.g. http://ocs.example.com:8080',
  },
  {
    name: 'OCS_HTTP_ALLOW',
    default: LOOPBACK,
    meaning:
      'OCS HTTP clients allowed, comma-separated IP addresses or CIDR blocks (* for any); others get 403',
  },
  {
    name: 'OCS_HTTP_TOKEN',
    default: '(none)',
    meaning:
      'when set, OCS HTTP requests must carry Authorization: Bearer <token> (403 otherwise); 16+ characters',
  },
];
