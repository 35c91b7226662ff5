import { DialMode } from '@ocs/domain';
import { DEMO_AGENT_GROUPS, DEMO_AGENTS, DEMO_CAMPAIGN_GROUPS } from '@ocs/persistence';

export interface DemoDesktop {
  readonly agent: string;
  readonly place: string;
  readonly campaignGroup: string;
}

/**
 * The agents a person can try the desktop protocol with: members of the demo's preview campaign
 * group (its records reach agents only when they ask, so nothing dials on its own).
 */
export function previewDemoDesktops(count: number): DemoDesktop[] {
  const group = DEMO_CAMPAIGN_GROUPS.find((g) => g.dialMode === DialMode.Preview);
  if (!group) return [];
  const members = DEMO_AGENT_GROUPS.find((g) => g.name === group.agentGroup)?.members ?? [];
  return members.slice(0, count).flatMap((login) => {
    const agent = DEMO_AGENTS.find((a) => a.loginId === login);
    return agent
      ? [{ agent: login, place: agent.place.name, campaignGroup: `${group.campaign}@${group.agentGroup}` }]
      : [];
  });
}
