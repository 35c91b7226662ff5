import { DEFAULT_AGENT_MODEL } from '@ocs/domain';
import { ConfigError } from '@ocs/service-kit';
import { loadAgentSettings } from './agent-settings';

describe('agent settings', () => {
  it('defaults to after-call work until asked, no simulated agents and PACING.md agents', () => {
    expect(loadAgentSettings({})).toEqual({
      autoReadySeconds: undefined,
      simulated: { tenant: 'Resources', agents: [] },
      model: DEFAULT_AGENT_MODEL,
    });
    expect(loadAgentSettings({ TELEPHONY_AUTO_READY_AFTER_ACW_SECONDS: '0' }).autoReadySeconds).toBe(0);
  });

  it('reads the simulated agents and lays a model over the defaults', () => {
    const settings = loadAgentSettings({
      TELEPHONY_SIMULATED_AGENTS: 'agent01:Place_7001, agent02:Place 7002',
      TELEPHONY_AGENT_MODEL: '{"wrapSeconds": {"mean": 30, "cv": 0.5}}',
      OCS_TENANT: 'Acme',
    });
    expect(settings.simulated).toEqual({
      tenant: 'Acme',
      agents: [
        { loginId: 'agent01', place: 'Place_7001' },
        { loginId: 'agent02', place: 'Place 7002' },
      ],
    });
    expect(settings.model).toEqual({ ...DEFAULT_AGENT_MODEL, wrapSeconds: { mean: 30, cv: 0.5 } });
  });

  it('names what is wrong', () => {
    expect(() => loadAgentSettings({ TELEPHONY_SIMULATED_AGENTS: 'agent01' })).toThrow(/loginId:place/);
    expect(() => loadAgentSettings({ TELEPHONY_SIMULATED_AGENTS: 'a:P1,a:P2' })).toThrow(/listed twice/);
    expect(() => loadAgentSettings({ TELEPHONY_AGENT_MODEL: '{"breakProbability": 2}' })).toThrow(
      ConfigError,
    );
  });
});
