import {
  type AddDoNotCall,
  type CheckDoNotCall,
  DncErrorCode,
  DoNotCallListChanged,
  type Envelope,
  type MessageOrigin,
  type PayloadOf,
  type RemoveDoNotCall,
  type ReplyOf,
  type RequestOf,
} from '@ocs/contracts';
import { DncIndex, type DncKind, dncExpiry, normalizeDncCustomerId, normalizeDncPhone } from '@ocs/domain';
import { type Bus, type BusSubscription, CommandError } from '@ocs/messaging';
import { randomUUID } from 'node:crypto';
import { type DncStore } from './dnc-store';

type Change = PayloadOf<typeof DoNotCallListChanged>;

export interface DncRegistryOptions {
  readonly listChanged?: typeof DoNotCallListChanged;
  /** Rows read per query while rebuilding. */
  readonly pageSize?: number;
  readonly clock?: () => Date;
  readonly logger?: { log(message: string): void; warn(fields: object, message: string): void };
}

const DEFAULT_PAGE_SIZE = 50_000;
// A progress line per this many entries loaded, so a long rebuild shows it is moving.
const PROGRESS_EVERY = 500_000;

/**
 * The tenants' do-not-call lists: Postgres (`dnc_entries`) is the record, an in-memory index per
 * tenant (DncIndex in @ocs/domain) answers lookups. The index is built from Postgres at start and
 * on a reread; changes are written to Postgres, applied here and published as
 * DoNotCallListChanged, which every replica follows and applies, so all converge. Changes that
 * arrive while a rebuild reads Postgres are applied to the new index before it replaces the old.
 */
export class DncRegistry {
  readonly instanceId = randomUUID();
  private indexes = new Map<string, DncIndex>();
  private ready = false;
  /** Changes seen while a rebuild runs, replayed onto its result. */
  private duringRebuild?: { tenant: string; change: Change }[];
  private rebuilding: Promise<number> = Promise.resolve(0);
  private subscription?: BusSubscription;
  private readonly listChanged: typeof DoNotCallListChanged;
  private readonly clock: () => Date;

  constructor(
    private readonly store: DncStore,
    private readonly bus: Pick<Bus, 'publish' | 'follow'>,
    private readonly options: DncRegistryOptions = {},
  ) {
    this.listChanged = options.listChanged ?? DoNotCallListChanged;
    this.clock = options.clock ?? (() => new Date());
  }

  /** Follows the other replicas' changes first, then builds the index, so nothing falls between. */
  async start(): Promise<number> {
    this.subscription = await this.bus.follow(this.listChanged, (event) => this.onChanged(event));
    return this.rebuild();
  }

  async stop(): Promise<void> {
    await this.subscription?.stop();
    this.subscription = undefined;
  }

  get isReady(): boolean {
    return this.ready;
  }

  /** Entries in memory, all tenants. */
  get size(): number {
    let size = 0;
    for (const index of this.indexes.values()) size += index.size;
    return size;
  }

  /** Reads the whole list from Postgres into a new index; one rebuild at a time. */
  rebuild(): Promise<number> {
    this.rebuilding = this.rebuilding.catch(() => 0).then(() => this.rebuildNow());
    return this.rebuilding;
  }

  async add(
    origin: MessageOrigin,
    request: RequestOf<typeof AddDoNotCall>,
  ): Promise<ReplyOf<typeof AddDoNotCall>> {
    const tenantId = await this.tenantIdOf(origin.tenant);
    const phones = normalized(request.phones, normalizeDncPhone);
    const customerIds = normalized(request.customerIds, normalizeDncCustomerId);
    const expiresAt = dncExpiry(this.clock(), request.durationSeconds);
    await this.store.upsert({
      tenantId,
      phones,
      customerIds,
      message: request.message ?? null,
      source: request.source,
      agentId: request.agentId ?? null,
      expiresAt,
    });
    const seconds = expiresAt === null ? null : Math.ceil(expiresAt.getTime() / 1000);
    await this.change(origin, {
      listed: [...entries('phone', phones), ...entries('customerId', customerIds)].map((entry) => ({
        ...entry,
        expiresAt: seconds,
      })),
      removed: [],
      reread: false,
      origin: this.instanceId,
    });
    return { phones, customerIds, expiresAt: expiresAt?.toISOString() ?? null };
  }

  async remove(
    origin: MessageOrigin,
    request: RequestOf<typeof RemoveDoNotCall>,
  ): Promise<ReplyOf<typeof RemoveDoNotCall>> {
    const tenantId = await this.tenantIdOf(origin.tenant);
    const removed = await this.store.remove(tenantId, request.phones, request.customerIds);
    await this.change(origin, {
      listed: [],
      removed: [...entries('phone', request.phones), ...entries('customerId', request.customerIds)],
      reread: false,
      origin: this.instanceId,
    });
    return { removed };
  }

  /** Which values are listed and not expired now, from memory. */
  check(tenant: string, request: RequestOf<typeof CheckDoNotCall>): ReplyOf<typeof CheckDoNotCall> {
    if (!this.ready) throw new CommandError(DncErrorCode.NotReady, 'The do-not-call list is being read');
    const index = this.indexes.get(tenant);
    const now = this.clock().getTime() / 1000;
    const listed = (kind: DncKind, values: string[], normalize: (value: string) => string | undefined) =>
      index ? normalized(values, normalize).filter((value) => index.has(kind, value, now)) : [];
    return {
      phones: listed('phone', request.phones, normalizeDncPhone),
      customerIds: listed('customerId', request.customerIds, normalizeDncCustomerId),
    };
  }

  /** The manual's reread: this replica rebuilds, then asks every other one to. */
  async reread(origin: MessageOrigin): Promise<{ entries: number; ms: number }> {
    const started = Date.now();
    const loaded = await this.rebuild();
    await this.bus.publish(
      this.listChanged,
      { listed: [], removed: [], reread: true, origin: this.instanceId },
      origin,
    );
    return { entries: loaded, ms: Date.now() - started };
  }

  private async change(origin: MessageOrigin, change: Change): Promise<void> {
    this.apply(origin.tenant, change);
    await this.bus.publish(this.listChanged, change, origin);
  }

  private async onChanged({ tenant, data }: Envelope<Change>): Promise<void> {
    // This replica applied (or reread) it already.
    if (data.origin === this.instanceId) return;
    if (data.reread) await this.rebuild();
    else this.apply(tenant, data);
  }

  private apply(tenant: string, change: Change): void {
    applyChange(this.indexes, tenant, change);
    this.duringRebuild?.push({ tenant, change });
  }

  private async rebuildNow(): Promise<number> {
    const started = Date.now();
    const total = await this.store.count();
    const logger = this.options.logger;
    logger?.log(`Reading the do-not-call list: ${total} entries in dnc_entries`);
    const fresh = new Map<string, DncIndex>();
    const changes: { tenant: string; change: Change }[] = [];
    this.duringRebuild = changes;
    let loaded = 0;
    let nextProgress = PROGRESS_EVERY;
    try {
      for await (const page of this.store.entries(this.options.pageSize ?? DEFAULT_PAGE_SIZE)) {
        for (const entry of page) indexOf(fresh, entry.tenant).add(entry.kind, entry.value, entry.expiresAt);
        loaded += page.length;
        if (loaded >= nextProgress) {
          logger?.log(`Do-not-call list: ${loaded} of ${total} entries loaded (${Date.now() - started} ms)`);
          nextProgress += PROGRESS_EVERY;
        }
      }
    } finally {
      this.duringRebuild = undefined;
    }
    for (const { tenant, change } of changes) applyChange(fresh, tenant, change);
    this.indexes = fresh;
    this.ready = true;
    logger?.log(`Do-not-call list read: ${loaded} active entries in ${Date.now() - started} ms`);
    return loaded;
  }

  private async tenantIdOf(tenant: string): Promise<number> {
    const tenantId = await this.store.tenantId(tenant);
    if (tenantId === undefined)
      throw new CommandError(DncErrorCode.UnknownTenant, `Unknown tenant ${tenant}`);
    return tenantId;
  }
}

function applyChange(indexes: Map<string, DncIndex>, tenant: string, change: Change): void {
  if (change.listed.length === 0 && change.removed.length === 0) return;
  const index = indexOf(indexes, tenant);
  for (const entry of change.listed) index.add(entry.kind, entry.value, entry.expiresAt);
  for (const entry of change.removed) index.remove(entry.kind, entry.value);
}

function indexOf(indexes: Map<string, DncIndex>, tenant: string): DncIndex {
  let index = indexes.get(tenant);
  if (!index) indexes.set(tenant, (index = new DncIndex()));
  return index;
}

function entries(kind: DncKind, values: readonly string[]): { kind: DncKind; value: string }[] {
  return values.map((value) => ({ kind, value }));
}

function normalized(values: readonly string[], normalize: (value: string) => string | undefined): string[] {
  return [...new Set(values.map(normalize).filter((value): value is string => value !== undefined))];
}
