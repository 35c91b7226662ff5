import { GswKey as K, RequestType, UserEvent } from '@ocs/desktop-protocol';
import { firstForbiddenKey } from './user-data-access';
import { advance, type Interaction, isRecordInteraction, type OutboundInteraction } from './interactions';
import { stopDirectPush } from './outbound-methods';
import {
  desktopRequest,
  interactionOf,
  MethodError,
  recordInteractionOf,
  type MethodHandler,
  recordKeys,
  type WorkspaceContext,
} from './workspace-context';

/**
 * The interaction namespace for outbound records (wwe-service-client-api-reference.txt,
 * "Interaction namespace"): the records on the agent's desktop as voice interactions.
 */

const getInteractions: MethodHandler = (context) =>
  Promise.resolve(context.interactions.all().map((interaction) => context.interactionViewOf(interaction)));

/** "interaction.Interaction or null if the interaction doesn't exist." */
const getByInteractionId: MethodHandler = (context, [interactionId]) => {
  if (typeof interactionId !== 'string' && typeof interactionId !== 'number') {
    throw new MethodError('interactionId must be a string');
  }
  const interaction = context.interactions.get(interactionId);
  return Promise.resolve(interaction ? context.interactionViewOf(interaction) : null);
};

function attachedDataChanged(context: WorkspaceContext, interaction: Interaction): void {
  context.emit('interaction', {
    eventType: 'ATTACHED_DATA_CHANGED',
    media: 'voice',
    interaction: context.interactionViewOf(interaction),
  });
}

/** "Sets the user data on the live interaction (for voice, this means the interaction is not in the IDLE state)." */
const setUserData: MethodHandler = (context, [interactionId, keyValues]) => {
  const interaction = interactionOf(context, interactionId);
  if (typeof keyValues !== 'object' || keyValues === null || Array.isArray(keyValues)) {
    throw new MethodError('keyValues must be an object of keys and values');
  }
  if (interaction.state === 'IDLE') throw new MethodError('The interaction is not live');
  const forbidden = firstForbiddenKey(context.security.writeAllowed, Object.keys(keyValues));
  if (forbidden !== undefined)
    throw new MethodError(`Writing the user data key '${forbidden}' is not allowed`);
  Object.assign(interaction.userData, keyValues);
  attachedDataChanged(context, interaction);
  return Promise.resolve(null);
};

const deleteUserData: MethodHandler = (context, [interactionId, key]) => {
  const interaction = interactionOf(context, interactionId);
  if (typeof key !== 'string' || key === '') throw new MethodError('key must be a user data key');
  if (firstForbiddenKey(context.security.writeAllowed, [key]) !== undefined) {
    throw new MethodError(`Writing the user data key '${key}' is not allowed`);
  }
  delete interaction.userData[key];
  attachedDataChanged(context, interaction);
  return Promise.resolve(null);
};

/**
 * Finalizes the record the way a Genesys workspace does at mark done: with "Do Not Call" set,
 * DoNotCall for the record; otherwise its reschedule (RecordReschedule), then RecordProcessed with
 * the call result and the updated fields.
 */
async function finalize(context: WorkspaceContext, interaction: OutboundInteraction): Promise<void> {
  if (interaction.doNotCall) {
    await desktopRequest(context, { GSW_AGENT_REQ_TYPE: RequestType.DoNotCall, ...recordKeys(interaction) });
    return;
  }
  if (interaction.reschedule) {
    const { handle, dateTime, callbackType } = interaction.reschedule;
    // A record a due callback brought (ScheduledCall) is rescheduled with its own request.
    const scheduled = interaction.record[K.GSW_USER_EVENT] === UserEvent.ScheduledCall;
    await desktopRequest(context, {
      GSW_AGENT_REQ_TYPE: scheduled ? RequestType.ScheduledRecordReschedule : RequestType.RecordReschedule,
      ...recordKeys(interaction, handle),
      [K.GSW_DATE_TIME]: dateTime,
      [K.GSW_CALLBACK_TYPE]: callbackType,
    });
  }
  await desktopRequest(context, {
    ...interaction.updatedFields,
    GSW_AGENT_REQ_TYPE: RequestType.RecordProcessed,
    ...recordKeys(interaction),
    ...(interaction.callResult === undefined ? {} : { [K.GSW_CALL_RESULT]: interaction.callResult }),
  });
}

const markdone: MethodHandler = async (context, [interactionId]) => {
  const interaction = interactionOf(context, interactionId);
  if (interaction.markdoneBlocked !== undefined) {
    // The "markdone" event tells subscribers why mark done is delayed.
    context.emit('markdone', {
      interactionId: interaction.interactionId,
      warningMessage: interaction.markdoneBlocked,
    });
    throw new MethodError(interaction.markdoneBlocked);
  }
  if (interaction.state === 'INVITED') throw new MethodError('The record must be accepted or rejected first');
  if (['DIALING', 'TALKING'].includes(interaction.state)) throw new MethodError('The call is not released');
  // A manual call has no record: nothing goes to OCS.
  if (isRecordInteraction(interaction)) {
    if (!interaction.finished) await finalize(context, interaction);
    interaction.finished = true;
  }
  context.emitInteraction(interaction, advance(interaction, 'markdone'));
  context.interactions.remove(interaction);
  // Direct push preview: mark done is 'Done and Stop', OCS stops sending records.
  if (interaction.mode === 'direct-push' && context.directPush) await stopDirectPush(context);
  return null;
};

const blockMarkdone: MethodHandler = (context, [interactionId, warningMessage]) => {
  const interaction = interactionOf(context, interactionId);
  if (typeof warningMessage !== 'string') throw new MethodError('warningMessage must be a string');
  interaction.markdoneBlocked = warningMessage;
  return Promise.resolve(null);
};

const unblockMarkdone: MethodHandler = (context, [interactionId]) => {
  delete interactionOf(context, interactionId).markdoneBlocked;
  return Promise.resolve(null);
};

/** A pushed record the agent was invited to preview. */
function invited(context: WorkspaceContext, interactionId: unknown): OutboundInteraction {
  const interaction = recordInteractionOf(context, interactionId);
  if (interaction.state !== 'INVITED') throw new MethodError('The interaction is not an invitation');
  return interaction;
}

const accept: MethodHandler = (context, [interactionId]) => {
  const interaction = invited(context, interactionId);
  context.emitInteraction(interaction, advance(interaction, 'accepted'));
  return Promise.resolve(null);
};

/** Declining a pushed record gives it back to OCS (RecordReject), as the push preview table's "Rejected". */
const reject: MethodHandler = async (context, [interactionId]) => {
  const interaction = invited(context, interactionId);
  await desktopRequest(context, { GSW_AGENT_REQ_TYPE: RequestType.RecordReject, ...recordKeys(interaction) });
  interaction.finished = true;
  context.emitInteraction(interaction, advance(interaction, 'declined'));
  context.interactions.remove(interaction);
  return null;
};

export const INTERACTION_METHODS: Readonly<Record<string, MethodHandler>> = {
  'interaction.getInteractions': getInteractions,
  'interaction.getByInteractionId': getByInteractionId,
  'interaction.setUserData': setUserData,
  'interaction.deleteUserData': deleteUserData,
  'interaction.markdone': markdone,
  'interaction.blockMarkdone': blockMarkdone,
  'interaction.unblockMarkdone': unblockMarkdone,
  'interaction.accept': accept,
  'interaction.reject': reject,
};
