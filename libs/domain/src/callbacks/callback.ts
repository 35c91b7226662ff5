/** A personal callback goes to the agent who set it; a campaign callback to any agent of the group. */
export const CALLBACK_TYPES = ['personal', 'campaign'] as const;

export type CallbackType = (typeof CALLBACK_TYPES)[number];

/**
 * scheduled: waiting for its time; delivered: handed to an agent or dialed; completed: the call
 * was handled; missed: its time passed without an agent; cancelled: withdrawn.
 */
export const CALLBACK_STATUSES = ['scheduled', 'delivered', 'completed', 'missed', 'cancelled'] as const;

export type CallbackStatus = (typeof CALLBACK_STATUSES)[number];
