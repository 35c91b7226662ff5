import { Controller, Inject, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CallbackStream,
  DeliverCallback,
  type Envelope,
  type ReplyOf,
  type RequestOf,
  RescheduleRecord,
  ResolveCallback,
} from '@ocs/contracts';
import { Bus } from '@ocs/messaging';
import { PG_POOL } from '@ocs/service-kit';
import type { Pool } from 'pg';
import { CallbackOutbox } from './callback-outbox';
import { deliverCallback, resolveCallback } from './callback-store';
import { DesktopRequests, recordListOf, toContract } from './desktop-requests';
import { DialingSessions } from './dialing-sessions';
import { SessionStore } from './session-store';

/**
 * Callbacks on the records this service owns: a reschedule kept on its handle (finalized by
 * RecordProcessed), a due callback delivered onto a desktop, a callback nobody took marked missed.
 */
@Controller()
export class CallbacksController implements OnModuleInit, OnApplicationShutdown {
  constructor(
    @Inject(DesktopRequests) private readonly requests: DesktopRequests,
    @Inject(DialingSessions) private readonly sessions: DialingSessions,
    @Inject(SessionStore) private readonly store: SessionStore,
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(Bus) private readonly bus: Bus,
    @Inject(CallbackOutbox) private readonly outbox: CallbackOutbox,
  ) {}

  /** The stream CallbackScheduled goes to exists before the outbox publishes what a crash left. */
  async onModuleInit(): Promise<void> {
    await this.bus.ensureStream(CallbackStream);
    this.outbox.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.outbox.stop();
  }

  /** RecordReschedule, ScheduledRecordReschedule. */
  @MessagePattern(RescheduleRecord.subject)
  reschedule(
    @Payload() request: Envelope<RequestOf<typeof RescheduleRecord>>,
  ): Promise<ReplyOf<typeof RescheduleRecord>> {
    return this.requests.reschedule(request.tenant, request.data);
  }

  @MessagePattern(DeliverCallback.subject)
  async deliver(
    @Payload() request: Envelope<RequestOf<typeof DeliverCallback>>,
  ): Promise<ReplyOf<typeof DeliverCallback>> {
    const { recordId, campaignGroupDbid, dueAt, agentId } = request.data;
    const tenantId = await this.store.tenantId(request.tenant);
    const open =
      tenantId === undefined ? undefined : await this.store.findOpenOfGroup(tenantId, campaignGroupDbid);
    if (tenantId === undefined || open?.state !== 'active') {
      return {
        delivered: false,
        reason: `campaign group ${campaignGroupDbid} has no active dialing session`,
      };
    }
    // In the session's queue, like every other change of what the session holds.
    const delivery = await this.sessions.onSessionRecord(open.id, () =>
      deliverCallback(this.pool, { tenantId, sessionId: open.id, recordId, dueAt, agentId }),
    );
    if (!delivery?.delivered) return { delivered: false, reason: delivery?.reason ?? 'the session ended' };
    const record = await this.store.delivered(delivery.handle);
    if (!record) return { delivered: false, reason: 'the record left the desktop at once' };
    return {
      delivered: true,
      record: toContract(open.id, record),
      list: recordListOf(open, record.callingListId),
    };
  }

  @MessagePattern(ResolveCallback.subject)
  async resolve(
    @Payload() request: Envelope<RequestOf<typeof ResolveCallback>>,
  ): Promise<ReplyOf<typeof ResolveCallback>> {
    const tenantId = await this.store.tenantId(request.tenant);
    if (tenantId === undefined) return { outcome: 'gone' };
    return { outcome: await resolveCallback(this.pool, { tenantId, ...request.data }) };
  }
}
