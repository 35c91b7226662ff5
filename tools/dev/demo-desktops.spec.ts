import { DEMO_AGENT_GROUPS, DEMO_AGENTS, DEMO_CAMPAIGN_GROUPS } from '@ocs/persistence';
import { DialMode } from '@ocs/domain';
import { agentCommand, previewDemoDesktops, supervisorConsoleUrl, workspaceUrl } from './demo-desktops';

describe('previewDemoDesktops', () => {
  it("offers members of the demo's preview group, each at their own place", () => {
    const desktops = previewDemoDesktops(2);
    const preview = DEMO_CAMPAIGN_GROUPS.find((g) => g.dialMode === DialMode.Preview)!;
    const members = DEMO_AGENT_GROUPS.find((g) => g.name === preview.agentGroup)!.members;

    expect(desktops).toHaveLength(2);
    for (const desktop of desktops) {
      expect(members).toContain(desktop.agent);
      expect(desktop.place).toBe(DEMO_AGENTS.find((a) => a.loginId === desktop.agent)!.place.name);
      expect(desktop.campaignGroup).toBe(`${preview.campaign}@${preview.agentGroup}`);
    }
    expect(new Set(desktops.map((d) => d.place)).size).toBe(2);
  });
});

describe('agentCommand', () => {
  const desktop = { agent: 'agent09', place: 'Place_7009', campaignGroup: 'Payment Reminders@Collections' };

  it('runs the agent CLI with the token, and the gateway URL when it is not the default', () => {
    expect(agentCommand(desktop, 'tok', 3000)).toBe(
      'node dist/tools/desktop/agent.js --agent agent09 --place Place_7009 --token tok',
    );
    expect(agentCommand(desktop, 'tok', 21000)).toBe(
      'node dist/tools/desktop/agent.js --agent agent09 --place Place_7009 --url http://127.0.0.1:21000 --token tok',
    );
  });
});

describe('browser pages of the demo', () => {
  const desktop = { agent: 'agent09', place: 'Place 7009', campaignGroup: 'Payment Reminders@Collections' };

  it('opens the agent workspace logged in at the place, with the token in the query', () => {
    const url = new URL(workspaceUrl(desktop, 'a.b+c', 21000));
    expect(url.origin + url.pathname).toBe('http://127.0.0.1:21000/workspace/');
    expect(url.searchParams.get('place')).toBe('Place 7009');
    expect(url.searchParams.get('access_token')).toBe('a.b+c');
  });

  it('opens the supervisor console signed in', () => {
    const url = new URL(supervisorConsoleUrl('s.t', 3000));
    expect(url.origin + url.pathname).toBe('http://127.0.0.1:3000/supervisor/');
    expect(url.searchParams.get('access_token')).toBe('s.t');
  });
});
