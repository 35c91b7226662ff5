import { LoadCampaignGroup, SetDialingMode, StartDialing } from '@ocs/contracts';
import { BusNoRespondersError, BusRemoteError, BusTimeoutError } from '@ocs/messaging';
import { supervisorOperation } from './campaign-group-actions';
import { supervisorFailureOf } from './supervisor-failures';

describe('supervisorOperation', () => {
  it('maps each action to the campaign-manager command of the same campaigngroups req', () => {
    expect(supervisorOperation('load', 3, undefined)).toEqual({
      ok: true,
      command: LoadCampaignGroup,
      request: { dbid: 3 },
    });
    expect(supervisorOperation('start', 3, { dialMode: 1, optimizeBy: 2, optimizeGoal: 3 })).toEqual({
      ok: true,
      command: StartDialing,
      request: { dbid: 3, dialMode: 1, optimizeBy: 2, optimizeGoal: 3 },
    });
    expect(supervisorOperation('mode', 3, { dialMode: 2 })).toEqual({
      ok: true,
      command: SetDialingMode,
      request: { dbid: 3, dialMode: 2 },
    });
  });

  it('refuses an unknown action, a mode change without a mode and a mode that is not a number', () => {
    expect(supervisorOperation('launch', 3, {})).toMatchObject({ ok: false, message: /launch is not/ });
    expect(supervisorOperation('mode', 3, {})).toEqual({ ok: false, message: 'mode needs a dialMode' });
    expect(supervisorOperation('mode', 3, { dialMode: 'fast' })).toEqual({
      ok: false,
      message: 'dialMode must be an integer',
    });
  });
});

describe('supervisorFailureOf', () => {
  it('answers refused transitions with 409 and the Communication DN error', () => {
    const refused = new BusRemoteError('s', {
      code: 'CM_ERROR_CAMPAIGN_NOT_LOADED',
      message: 'Campaign group is not loaded',
      details: { cmError: 4 },
    });
    expect(supervisorFailureOf(refused)).toEqual({
      status: 409,
      body: {
        error: {
          code: 'CM_ERROR_CAMPAIGN_NOT_LOADED',
          message: 'Campaign group is not loaded',
          details: { cmError: 4 },
        },
      },
    });
  });

  it('tells a bad mode, an unknown group, a missing and a silent service apart', () => {
    const remote = (code: string) => new BusRemoteError('s', { code, message: code });
    expect(supervisorFailureOf(remote('CM_ERROR_INVALID_CAMPAIGN_MODE'))?.status).toBe(400);
    expect(supervisorFailureOf(remote('CM_ERROR_GROUP_CAMP_NOT_FOUND'))?.status).toBe(404);
    expect(supervisorFailureOf(remote('IMPORT_INVALID_COLUMNS'))?.status).toBe(400);
    expect(supervisorFailureOf(remote('SOMETHING_NEW'))?.status).toBe(502);
    expect(supervisorFailureOf(new BusNoRespondersError('s'))?.status).toBe(503);
    expect(supervisorFailureOf(new BusTimeoutError('s', 100))?.status).toBe(504);
    expect(supervisorFailureOf(new Error('bug'))).toBeUndefined();
  });
});
