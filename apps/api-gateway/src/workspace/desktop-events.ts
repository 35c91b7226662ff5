import { CallEvent, GswKey as K, OcsKey, UserEvent } from '@ocs/desktop-protocol';
import { mediaStateOf } from './agent-states';
import { type DesktopFrame } from './desktop-link';
import { advance, type Interaction, isRecordInteraction } from './interactions';
import { receiveRecord } from './outbound-methods';
import { type RecordData } from './record-fields';
import { type WorkspaceContext } from './workspace-context';

/**
 * What the desktop session tells the agent unasked, as Service Client API events: pushed and
 * scheduled records, cancellations, the calls of dialed records, campaign notifications and the
 * agent's state.
 */

/** The outbound campaign events of the reference ("Outbound campaign events"). */
const CAMPAIGN_EVENTS: ReadonlySet<string> = new Set([
  UserEvent.CampaignLoaded,
  UserEvent.CampaignUnloaded,
  UserEvent.CampaignStarted,
  UserEvent.CampaignStopped,
]);

export function translateDesktopFrame(context: WorkspaceContext, frame: DesktopFrame): void {
  const userEvent = frame[K.GSW_USER_EVENT];
  if (typeof userEvent === 'string') return userEventOf(context, userEvent, frame);
  const callEvent = frame[OcsKey.OCS_CALL_EVENT];
  if (typeof callEvent === 'string') return callEventOf(context, callEvent, frame);
  if (frame[OcsKey.OCS_AGENT_EVENT] === 'AgentStateChanged') agentStateChanged(context, frame);
}

function userEventOf(context: WorkspaceContext, userEvent: string, frame: DesktopFrame): void {
  if (CAMPAIGN_EVENTS.has(userEvent)) {
    context.emit('outbound', {
      eventType: userEvent,
      campaign: frame[K.GSW_CAMPAIGN_NAME],
      ...(userEvent === UserEvent.CampaignStarted ? { mode: frame[K.GSW_CAMPAIGN_MODE] } : {}),
    });
    return;
  }
  if (userEvent === UserEvent.PreviewRecord) {
    // Push Preview: unsolicited. Direct push once the agent started it, regular push otherwise.
    receiveRecord(context, context.directPush ? 'direct-push' : 'push', frame as RecordData);
    return;
  }
  if (userEvent === UserEvent.ScheduledCall) {
    receiveRecord(context, 'pull', frame as RecordData);
    return;
  }
  if (userEvent === UserEvent.RecordCancel) {
    const interaction = context.interactions.byHandle(Number(frame[K.GSW_RECORD_HANDLE]));
    if (!interaction || interaction.finished) return;
    interaction.finished = true;
    context.emitInteraction(interaction, advance(interaction, 'canceled'));
  }
}

function callEventOf(context: WorkspaceContext, callEvent: string, frame: DesktopFrame): void {
  const callId = String(frame[OcsKey.OCS_CALL_ID] ?? '');
  const handle = Number(frame[K.GSW_RECORD_HANDLE]);
  // Dialed records' calls: never a manual call (voice.dial).
  const byCall = context.interactions.byCall(callId);
  const interaction =
    (byCall && isRecordInteraction(byCall) ? byCall : undefined) ?? context.interactions.byHandle(handle);
  if (callEvent === CallEvent.EventEstablished) {
    if (interaction) {
      interaction.callId = callId;
      context.emitInteraction(interaction, advance(interaction, 'established'));
      return;
    }
    receiveRecord(context, 'dialed', frame as RecordData).callId = callId;
    return;
  }
  if (callEvent === CallEvent.EventReleased && interaction) {
    // The workspace follows its calls' progress too (WorkspaceSession.callProgress): the end may
    // have been told already, and is told once.
    if (interaction.callId !== undefined) callReleased(context, interaction, frame[OcsKey.OCS_CALL_RESULT]);
    // OCS finalized the record at the release (the group's record_processed is off).
    if (frame[OcsKey.OCS_RECORD_PROCESSED_REQUIRED] === 0) interaction.finished = true;
  }
}

/** The call of an interaction ended: its result becomes the record's until the agent sets another. */
export function callReleased(context: WorkspaceContext, interaction: Interaction, callResult: unknown): void {
  delete interaction.callId;
  if (typeof callResult === 'number' && interaction.callResult === undefined)
    interaction.callResult = callResult;
  context.emitInteraction(interaction, advance(interaction, 'released'));
}

function agentStateChanged(context: WorkspaceContext, frame: DesktopFrame): void {
  const state = String(frame[OcsKey.OCS_AGENT_STATE]);
  const reason = frame[OcsKey.OCS_REASON];
  context.agent.state = state;
  if (typeof reason === 'string') context.agent.reason = reason;
  else delete context.agent.reason;
  context.emit('agent', {
    eventType: 'STATE_CHANGED',
    mediaState: mediaStateOf(state, context.agent.reason),
    ...(context.agent.reason === undefined
      ? {}
      : { reason: context.agent.reason, reasonCode: context.agent.reason }),
  });
}
