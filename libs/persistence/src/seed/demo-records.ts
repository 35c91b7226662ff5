import { DEMO_CALLING_LISTS, DEMO_ZONES, type DemoCallingList } from './demo-config';
import { createRandom } from './random';

export interface DemoRecord {
  readonly contactInfo: string;
  readonly contactInfoType: number;
  readonly dailyFrom: number;
  readonly dailyTill: number;
  /** Genesys time zone name. */
  readonly zone: string;
  readonly chainId: number;
  readonly chainN: number;
  readonly customerId: string;
  readonly custom: Readonly<Record<string, number | string>>;
}

/** Chain ids of list N start at (N + 1) million, so changing the record count never shifts them. */
const CHAIN_ID_BLOCK = 1_000_000;
/** Each list numbers its phones with six digits. */
const MAX_PHONES_PER_LIST = 1_000_000;

/**
 * The records of one demo list: customers with chains of 1 to 3 numbers (a customer's records
 * share chain id, customer id and custom values and differ in contact type), spread over the demo
 * time zones. The same arguments always give the same records.
 */
export function generateDemoRecords(list: DemoCallingList, listIndex: number, count: number): DemoRecord[] {
  const random = createRandom(0x0c5 + listIndex);
  const records: DemoRecord[] = [];
  for (let chain = 0; records.length < count; chain++) {
    const chainId = (listIndex + 1) * CHAIN_ID_BLOCK + chain;
    const roll = random.next();
    const length = Math.min(roll < 0.4 ? 1 : roll < 0.75 ? 2 : 3, count - records.length);
    const { zone, phonePrefix } = random.pick(DEMO_ZONES);
    const custom = list.customValues(random, chainId);
    for (let chainN = 0; chainN < length; chainN++) {
      const phoneIndex = chain * 3 + chainN;
      if (phoneIndex >= MAX_PHONES_PER_LIST) throw new RangeError(`Too many demo records for ${list.name}`);
      const contact = list.chainContacts[chainN];
      records.push({
        contactInfo: `${phonePrefix}${2 + listIndex}${String(phoneIndex).padStart(6, '0')}`,
        contactInfoType: contact.type,
        dailyFrom: contact.dailyFrom,
        dailyTill: contact.dailyTill,
        zone,
        chainId,
        chainN,
        customerId: list.customerId(chainId),
        custom,
      });
    }
  }
  return records;
}

/** The records of every demo list, in the order of DEMO_CALLING_LISTS: `total` split by recordShare. */
export function generateDemoLists(total: number): DemoRecord[][] {
  return DEMO_CALLING_LISTS.map((list, index) =>
    generateDemoRecords(list, index, listRecordCount(index, total)),
  );
}

/** The demo lists split the records by their recordShare; the last list takes the remainder. */
function listRecordCount(listIndex: number, total: number): number {
  const shares = DEMO_CALLING_LISTS.map((list) => Math.floor(total * list.recordShare));
  if (listIndex < shares.length - 1) return shares[listIndex];
  return total - shares.slice(0, -1).reduce((sum, share) => sum + share, 0);
}
