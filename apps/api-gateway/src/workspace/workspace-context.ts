import { type AgentDesktopContext } from '@ocs/contracts';
import { type BusClient } from '@ocs/messaging';
import { type DesktopFrame, type DesktopLink, desktopError } from './desktop-link';
import { type EventName } from './envelope';
import {
  type Interaction,
  type Interactions,
  isRecordInteraction,
  type OutboundInteraction,
} from './interactions';
import { type ServiceClientSecurity } from './service-client.config';
import { type Toasts } from './toasts';

/** A method's refusal: answered with this errorMessage. */
export class MethodError extends Error {}

/** The agent's telephony state as the desktop session last reported it (OCS_AGENT_STATE ...). */
export interface AgentStatus {
  state: string;
  reason?: string;
}

/** What the Service Client methods of one workspace work with. */
export interface WorkspaceContext {
  readonly tenant: string;
  readonly loginId: string;
  /** The agent's configuration as the desktop session holds it now. */
  readonly desktopContext: () => AgentDesktopContext;
  /** The place's name as the telephony layer knows the agent. */
  readonly place: () => string;
  readonly applicationId: number;
  readonly link: DesktopLink;
  readonly interactions: Interactions;
  readonly security: ServiceClientSecurity;
  readonly client: Pick<BusClient, 'request'>;
  readonly clock: () => number;
  readonly agent: AgentStatus;
  /** Direct Push Preview was started (startDirectPushPreview): pushed records are direct push ones. */
  directPush: boolean;
  /** The interaction as clients are given it (user data through the read allow-list). */
  readonly interactionViewOf: (interaction: Interaction) => Record<string, unknown>;
  /** Sends an event to every client subscribed to it. */
  readonly emit: (event: EventName, data: unknown) => void;
  /** The custom toasts the clients popped (system.popupToast). */
  readonly toasts: Toasts;
  /** Sends the interaction events of `interaction` for the events of a step. */
  readonly emitInteraction: (
    interaction: Interaction,
    events: ReadonlyArray<{
      eventType: string;
      state: string;
      callType: string;
      capabilities: readonly string[];
    }>,
  ) => void;
}

/** Who called a method: the client of the host page (an iframe, or the workspace UI). */
export interface MethodCaller {
  readonly client: string;
}

export type MethodHandler = (
  context: WorkspaceContext,
  parameters: readonly unknown[],
  caller: MethodCaller,
) => Promise<unknown>;

/** Sends a desktop request; its answers, or a MethodError with the desktop's error text. */
export async function desktopRequest(
  context: WorkspaceContext,
  frame: DesktopFrame,
): Promise<DesktopFrame[]> {
  let frames: DesktopFrame[];
  try {
    frames = await context.link.request({ GSW_APPLICATION_ID: context.applicationId, ...frame });
  } catch (error) {
    throw new MethodError((error as Error).message);
  }
  const last = frames[frames.length - 1];
  const error = last === undefined ? undefined : desktopError(last);
  if (error !== undefined) throw new MethodError(error);
  return frames;
}

/** The interaction a method names, or a MethodError. */
export function interactionOf(context: WorkspaceContext, interactionId: unknown): Interaction {
  if (typeof interactionId !== 'string' && typeof interactionId !== 'number') {
    throw new MethodError('interactionId must be a string');
  }
  const interaction = context.interactions.get(interactionId);
  if (!interaction) throw new MethodError(`The interaction '${String(interactionId)}' does not exist`);
  return interaction;
}

/** The outbound record interaction a method names: a manual call (voice.dial) has no record. */
export function recordInteractionOf(context: WorkspaceContext, interactionId: unknown): OutboundInteraction {
  const interaction = interactionOf(context, interactionId);
  if (!isRecordInteraction(interaction)) {
    throw new MethodError(`The interaction '${interaction.interactionId}' is not an outbound record`);
  }
  return interaction;
}

/** The same, for methods that act on the record: refused once the record left the desk. */
export function liveRecordOf(context: WorkspaceContext, interactionId: unknown): OutboundInteraction {
  const interaction = recordInteractionOf(context, interactionId);
  if (interaction.finished) {
    throw new MethodError(
      `The record of the interaction '${interaction.interactionId}' is no longer on the desktop`,
    );
  }
  return interaction;
}

/** The keys every request about a record carries: its handle, campaign and calling list. */
export function recordKeys(interaction: OutboundInteraction, handle = interaction.handle): DesktopFrame {
  return {
    GSW_RECORD_HANDLE: handle,
    GSW_CAMPAIGN_NAME: interaction.record['GSW_CAMPAIGN_NAME'],
    GSW_CALLING_LIST: interaction.record['GSW_CALLING_LIST'],
  };
}
