import { GswKey } from './keys';
import { type AttachedData } from './validation';

/** Whether this OCS answers a request at all, decided before the request is validated. */
export type Addressing = 'answer' | 'ignore';

/**
 * Several OCS instances (a primary and its backup, or OCSes of other tenants) may see the same
 * desktop request; only the one whose DBID the request carries answers it ("Characteristics of
 * Event Structures"). A former primary keeps answering requests carrying its own id, since desktops
 * remember it while that OCS finishes the records it started.
 *
 * A request without an id is answered: for CampaignStatusRequest that is the documented way to
 * ask every OCS, and for any other request the answer is 102 Attribute Not Found, the id being
 * mandatory there. An id sent as a numeric string still names this OCS, so the desktop gets the
 * 103 that explains its mistake instead of silence.
 */
export function addressingOf(data: AttachedData, ownApplicationId: number): Addressing {
  const target = data[GswKey.GSW_APPLICATION_ID];
  if (target === undefined || target === null) return 'answer';
  return namesApplication(target, ownApplicationId) ? 'answer' : 'ignore';
}

function namesApplication(target: unknown, applicationId: number): boolean {
  if (typeof target === 'number') return target === applicationId;
  return typeof target === 'string' && /^\s*\d+\s*$/.test(target) && Number(target) === applicationId;
}
