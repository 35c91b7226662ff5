import { randomUUID } from 'node:crypto';
import { DialManualCall, ReleaseCall } from '@ocs/contracts';
import { advance } from './interactions';
import { readDialParameters } from './voice-dial';
import { interactionOf, MethodError, type MethodHandler } from './workspace-context';

/**
 * The voice namespace (wwe-service-client-api-reference.txt, "Voice namespace"): dial and hangUp,
 * through the telephony port. The calls' steps come back as ManualCallProgress (dial) or
 * CallProgress (a record's call) and move the interaction on (WorkspaceSession.callProgress).
 */

const BUS_TIMEOUT_MS = 5_000;

/**
 * "Calls the destination in the same way Workspace Web Edition calls the destination from Team
 * Communicator": a voice interaction (OUT, DIALING) with the userData, announced at once, whose
 * call is placed from the agent's place; answered with the interaction. A call the switch refuses
 * (the agent on a call already, not logged in) is removed again and answered with the reason.
 */
const dial: MethodHandler = async (context, [destination, userData]) => {
  const parameters = readDialParameters(destination, userData, context.security.writeAllowed);
  if (!parameters.ok) throw new MethodError(parameters.errorMessage);
  const { request } = parameters;
  const interaction = context.interactions.addManual(request.destination, request.userData);
  const callId = randomUUID();
  // Known by its call before the dial: its first steps may come before the reply.
  interaction.callId = callId;
  context.emitInteraction(interaction, advance(interaction, 'call'));
  try {
    await context.client.request(
      DialManualCall,
      {
        callId,
        agent: { loginId: context.loginId, place: context.place() },
        destination: request.destination,
        userData: request.userData,
        noAnswerTimeoutSeconds: 30,
      },
      { tenant: context.tenant },
      { timeoutMs: BUS_TIMEOUT_MS },
    );
  } catch (error) {
    delete interaction.callId;
    context.emitInteraction(interaction, advance(interaction, 'markdone'));
    context.interactions.remove(interaction);
    throw new MethodError(`The call cannot be placed: ${(error as Error).message}`);
  }
  return context.interactionViewOf(interaction);
};

/**
 * "Releases the call" of the interaction: a manual call, a previewed record's call
 * (callPreviewRecord) or a dialed record's. The interaction is RELEASED when the switch reports
 * the end; the record then waits for its mark done as after any call.
 */
const hangUp: MethodHandler = async (context, [interactionId]) => {
  const interaction = interactionOf(context, interactionId);
  const { callId } = interaction;
  if (callId === undefined) {
    throw new MethodError(`The interaction '${interaction.interactionId}' has no call to hang up`);
  }
  try {
    await context.client.request(
      ReleaseCall,
      { callId },
      { tenant: context.tenant },
      { timeoutMs: BUS_TIMEOUT_MS },
    );
  } catch (error) {
    throw new MethodError(`The call cannot be released: ${(error as Error).message}`);
  }
  return null;
};

export const VOICE_METHODS: Readonly<Record<string, MethodHandler>> = {
  'voice.dial': dial,
  'voice.hangUp': hangUp,
};
