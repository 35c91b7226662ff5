import { RecordStatus } from '../genesys/record-status';
import { PERSONAL_RECORD_TYPES, RecordType } from '../genesys/record-type';
import { isWithinDailyWindow } from '../time/daily-window';
import { toUnixSeconds } from '../time/zone-clock';

/** What retrieval needs to know about a calling-list record to decide whether it may be dialed. */
export interface DialingCandidate {
  readonly recordStatus: number;
  readonly recordType: number;
  /** Unix seconds (GSW_DATE_TIME as stored); null when the record is not scheduled. */
  readonly dialSchedTime: number | null;
  readonly dailyFrom: number;
  readonly dailyTill: number;
  /** IANA name of the record's own time zone (time_zones.iana_name of its tz_dbid). */
  readonly timeZone: string;
  /** Owner of a personal record (login id). */
  readonly agentId: string | null;
}

/**
 * Dialing priority of each retrievable record type, lowest first: scheduled callbacks that are due
 * go before rescheduled records, which go before fresh (General) records, and a personal record goes
 * before the campaign record of the same kind. Types that are never dialed have no priority.
 */
export const RECORD_TYPE_PRIORITY: ReadonlyMap<RecordType, number> = new Map<RecordType, number>([
  [RecordType.PersonalCallback, 0],
  [RecordType.CampaignCallback, 1],
  [RecordType.PersonalRescheduled, 2],
  [RecordType.CampaignRescheduled, 3],
  [RecordType.General, 4],
]);

/** Every retrievable record type in dialing order (the order retrieval queries them in). */
export const RETRIEVAL_TYPE_ORDER: readonly RecordType[] = [...RECORD_TYPE_PRIORITY.entries()]
  .sort(([, a], [, b]) => a - b)
  .map(([type]) => type);

/** Record types delivered only to the agent named in `agent_id`, in dialing order. */
export const PERSONAL_RETRIEVAL_TYPES: readonly RecordType[] = RETRIEVAL_TYPE_ORDER.filter((type) =>
  PERSONAL_RECORD_TYPES.includes(type),
);

/** Record types a dialing session retrieves into its buffer for any agent, in dialing order. */
export const CAMPAIGN_RETRIEVAL_TYPES: readonly RecordType[] = RETRIEVAL_TYPE_ORDER.filter(
  (type) => !PERSONAL_RECORD_TYPES.includes(type),
);

export function recordTypePriority(recordType: number): number | undefined {
  return RECORD_TYPE_PRIORITY.get(recordType as RecordType);
}

/** Why a record may not be dialed now; see {@link dialingObstacle}. */
export type DialingObstacle =
  | 'not-ready'
  | 'type-not-dialable'
  | 'personal-for-another-agent'
  | 'scheduled-later'
  | 'outside-daily-window';

/**
 * The first reason the record may not be dialed at `now` (for `agentId`, when the record goes to a
 * known agent), or null when it may: status Ready; a dialable type (personal types only for their
 * own agent); due (`dial_sched_time` at or before now); and now inside `daily_from..daily_till` by
 * the wall clock of the record's own time zone, which is DST-correct.
 */
export function dialingObstacle(
  record: DialingCandidate,
  now: Date,
  agentId?: string,
): DialingObstacle | null {
  if (record.recordStatus !== RecordStatus.Ready) return 'not-ready';
  const personal = PERSONAL_RETRIEVAL_TYPES.includes(record.recordType as RecordType);
  if (!personal && !CAMPAIGN_RETRIEVAL_TYPES.includes(record.recordType as RecordType)) {
    return 'type-not-dialable';
  }
  if (personal && (agentId === undefined || record.agentId !== agentId)) return 'personal-for-another-agent';
  if (record.dialSchedTime !== null && record.dialSchedTime > toUnixSeconds(now)) return 'scheduled-later';
  if (!isWithinDailyWindow(record, record.timeZone, now)) return 'outside-daily-window';
  return null;
}

export function isDialable(record: DialingCandidate, now: Date, agentId?: string): boolean {
  return dialingObstacle(record, now, agentId) === null;
}

/** The fields that order dialable records. */
export interface DialingOrderKey {
  readonly recordType: number;
  readonly dialSchedTime: number | null;
  /** Order of retrieval inside one priority: the record id (or the record handle in a buffer). */
  readonly sequence: number;
}

/**
 * Dialing order: by record-type priority, then the earliest due time first (unscheduled records
 * after scheduled ones of the same type, as in the retrieval index), then retrieval order. Use with
 * `Array.prototype.sort`.
 */
export function compareDialingOrder(a: DialingOrderKey, b: DialingOrderKey): number {
  const byType =
    (recordTypePriority(a.recordType) ?? Number.MAX_SAFE_INTEGER) -
    (recordTypePriority(b.recordType) ?? Number.MAX_SAFE_INTEGER);
  if (byType !== 0) return byType;
  if (a.dialSchedTime !== b.dialSchedTime) {
    if (a.dialSchedTime === null) return 1;
    if (b.dialSchedTime === null) return -1;
    return a.dialSchedTime - b.dialSchedTime;
  }
  return a.sequence - b.sequence;
}
