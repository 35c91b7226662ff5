import { Inject, Injectable, Logger } from '@nestjs/common';
import { CampaignGroupOperationError, type CampaignGroupStatus, type MessageOrigin } from '@ocs/contracts';
import {
  COMM_DN_ERROR_NAMES,
  CommDnError,
  type CampaignGroupLifecycleOperation,
  type DialingParameters,
  GroupCampaignStatus,
  planCampaignGroupOperation,
  type RequestedDialingParameters,
  resolveDialingParameters,
} from '@ocs/domain';
import { CommandError } from '@ocs/messaging';
import { randomUUID } from 'node:crypto';
import { type CampaignGroupState, CampaignGroupConfigRepository } from './campaign-group-config.repository';
import { CampaignGroupEvents } from './campaign-group-events';
import {
  CampaignGroupSessionRepository,
  type PendingEvent,
  type SessionChange,
} from './campaign-group-session.repository';
import { groupStatusOf } from './campaign-group-status';

/** How often an operation that lost a compare-and-set race reads the group again and retries. */
const MAX_ATTEMPTS = 5;

export type OperationOutcome =
  | { readonly applied: true; readonly group: CampaignGroupStatus; readonly sessionId: string }
  | { readonly applied: false; readonly error: CommDnError; readonly reason: string };

/** The error a refused operation answers with: the manual's name as code, its number in `cmError`. */
export function operationError(error: CommDnError, message: string): CommandError {
  return new CommandError(COMM_DN_ERROR_NAMES[error], message, { cmError: error });
}

// Every code a refusal can carry is one of the contract's; this keeps the two lists honest.
const KNOWN_CODES = new Set<string>(Object.values(CampaignGroupOperationError));

/**
 * Runs a Communication DN operation on a campaign group: reads where the group stands, asks the
 * domain's lifecycle what the operation does from there, stores the result with compare-and-set
 * (a lost race reads again and decides again) and then publishes the status-changed events.
 */
@Injectable()
export class CampaignGroupOperations {
  private readonly logger = new Logger(CampaignGroupOperations.name);

  constructor(
    @Inject(CampaignGroupConfigRepository) private readonly groups: CampaignGroupConfigRepository,
    @Inject(CampaignGroupSessionRepository) private readonly sessions: CampaignGroupSessionRepository,
    @Inject(CampaignGroupEvents) private readonly events: CampaignGroupEvents,
  ) {}

  /**
   * A request's operation: the group's new status, or a CommandError with the CM error.
   * `autoCompletion` (GSW_AUTO_COMPLETION of Load, StartDialing, SetDialingMode) is stored with
   * the session when given.
   */
  async perform(
    operation: Exclude<CampaignGroupLifecycleOperation, 'unload-completed'>,
    dbid: number,
    origin: MessageOrigin,
    requested: RequestedDialingParameters = {},
    autoCompletion?: boolean,
  ): Promise<CampaignGroupStatus> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const state = await this.groups.findOne(origin.tenant, dbid);
      if (!state) {
        throw operationError(CommDnError.GroupCampaignNotFound, `Campaign group ${dbid} is not configured`);
      }
      const outcome = await this.tryApply(state, operation, origin, requested, autoCompletion);
      if (outcome === 'lost-race') continue;
      if (!outcome.applied) {
        throw operationError(
          outcome.error,
          `${operationTitle(operation)} of campaign group ${dbid}: ${outcome.reason}`,
        );
      }
      await this.publish(outcome.sessionId);
      return outcome.group;
    }
    throw new CommandError('CAMPAIGN_GROUP_BUSY', `Campaign group ${dbid} kept changing; try again`);
  }

  /**
   * The dialing session of an unloading group has drained: the group becomes NotLoaded. A session
   * already ended (a repeated event) or never asked to unload changes nothing.
   */
  async completeUnload(sessionId: string, origin: MessageOrigin): Promise<'completed' | 'ignored'> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const session = await this.sessions.find(origin.tenant, sessionId);
      if (!session) return 'ignored';
      if (session.status === GroupCampaignStatus.NotLoaded) {
        // Already completed; its event may still wait for publication after a crash.
        await this.publish(sessionId);
        return 'ignored';
      }
      const state = await this.groups.findOne(origin.tenant, session.campaignGroupId);
      if (!state || state.session?.id !== sessionId) return 'ignored';
      const outcome = await this.tryApply(state, 'unload-completed', origin, {});
      if (outcome === 'lost-race') continue;
      if (!outcome.applied) {
        this.logger.warn(
          { sessionId, reason: outcome.reason },
          'Dialing session drained while not unloading',
        );
        return 'ignored';
      }
      await this.publish(sessionId);
      return 'completed';
    }
    throw new Error(`Session ${sessionId} kept changing`);
  }

  /**
   * GSW_AUTO_COMPLETION: the dialing session found its calling lists depleted; a session that
   * asked for auto-completion, and is still the group's and Active or Running, is stopped and
   * unloaded (Unload of a Running group stops it first). Anything else is left alone.
   */
  async autoComplete(sessionId: string, origin: MessageOrigin): Promise<'unloading' | 'ignored'> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const session = await this.sessions.find(origin.tenant, sessionId);
      if (!session?.autoCompletion) return 'ignored';
      const state = await this.groups.findOne(origin.tenant, session.campaignGroupId);
      if (!state || state.session?.id !== sessionId) return 'ignored';
      const status = groupStatusOf(state).status;
      if (status !== GroupCampaignStatus.Active && status !== GroupCampaignStatus.Running) return 'ignored';
      const outcome = await this.tryApply(state, 'unload', origin, {});
      if (outcome === 'lost-race') continue;
      if (!outcome.applied) return 'ignored';
      await this.publish(sessionId);
      return 'unloading';
    }
    throw new Error(`Session ${sessionId} kept changing`);
  }

  private async tryApply(
    state: CampaignGroupState,
    operation: CampaignGroupLifecycleOperation,
    origin: MessageOrigin,
    requested: RequestedDialingParameters,
    autoCompletion?: boolean,
  ): Promise<OperationOutcome | 'lost-race'> {
    const before = groupStatusOf(state);
    const plan = planCampaignGroupOperation(before.status, operation);
    if (!plan.ok) return refused(plan.error, plan.reason);

    let parameters: DialingParameters = {
      dialMode: before.dialMode,
      optimizeBy: before.optimizeBy,
      optimizeGoal: before.optimizeGoal,
    };
    if (operation === 'start-dialing' || operation === 'set-dialing-mode') {
      const resolved = resolveDialingParameters(parameters, requested, {
        running: before.status === GroupCampaignStatus.Running,
      });
      if (!resolved.ok) return refused(resolved.error, resolved.reason);
      parameters = resolved.parameters;
    } else if (operation === 'load') {
      // A new session dials as configured.
      parameters = {
        dialMode: state.config.dialMode,
        optimizeBy: state.config.optimizeBy,
        optimizeGoal: state.config.optimizeGoal,
      };
    }

    const sessionId = state.session?.id ?? randomUUID();
    const version = state.session?.version ?? 0;
    const occurredAt = new Date().toISOString();
    const events: PendingEvent[] = plan.steps.map((step, index) => ({
      id: `${sessionId}.${version + index + 1}`,
      occurredAt,
      origin: { tenant: origin.tenant, correlationId: origin.correlationId, causationId: origin.causationId },
      data: {
        sessionId,
        operation: step.operation,
        previousStatus: step.from,
        // Dialing parameters change with the step that sets them; the load of a StartDialing
        // from NotLoaded reports the configured ones.
        group: {
          ...before,
          ...(step.operation === 'load' ? state.config : parameters),
          status: step.to,
        },
      },
    }));
    const last = plan.steps[plan.steps.length - 1];
    const change: SessionChange = { status: last.to, parameters, autoCompletion, events };
    const stored = state.session
      ? await this.sessions.update(sessionId, version, change)
      : await this.sessions.insert(state.tenantId, state.config.dbid, sessionId, change);
    if (!stored) return 'lost-race';
    return { applied: true, sessionId, group: { ...before, ...parameters, status: last.to } };
  }

  private async publish(sessionId: string): Promise<void> {
    // The change is stored; a failed publication stays pending and is sent again by the next
    // change of the session or at start-up, so the caller still gets its answer.
    await this.events
      .flush(sessionId)
      .catch((error: unknown) =>
        this.logger.error({ err: error, sessionId }, 'Cannot publish campaign group status change'),
      );
  }
}

function refused(error: CommDnError, reason: string): OperationOutcome {
  if (!KNOWN_CODES.has(COMM_DN_ERROR_NAMES[error])) {
    throw new Error(`The lifecycle refused with ${COMM_DN_ERROR_NAMES[error]}, which no contract names`);
  }
  return { applied: false, error, reason };
}

function operationTitle(operation: CampaignGroupLifecycleOperation): string {
  return operation.charAt(0).toUpperCase() + operation.slice(1).replaceAll('-', ' ');
}
