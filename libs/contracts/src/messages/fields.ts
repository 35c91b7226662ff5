import { z } from 'zod';

/**
 * Field schemas every message family shares, declared once: configuration DBIDs, record handles,
 * agents' login ids, phones and customer ids.
 */

/** Configuration DBIDs are Postgres `integer` ids. */
export const MAX_DBID = 2_147_483_647;

export const dbid = z.number().int().positive().max(MAX_DBID);

/** GSW_RECORD_HANDLE: an `integer` sequence, cluster-wide. */
export const recordHandle = z.number().int().positive().max(MAX_DBID);

/** An agent's login id (GSW_AGENT_ID, records.agent_id). */
export const loginId = z.string().min(1).max(32);

export const phone = z.string().trim().min(1).max(128);

export const customerId = z.string().trim().min(1).max(255);
