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

/** The gateway's address when the launcher's base port is `basePort`. */
export function gatewayUrl(basePort: number): string {
  return `http://127.0.0.1:${basePort}`;
}

/**
 * The shell command that works the desktop of `desktop` with the agent CLI, ready to copy and
 * paste: the token travels on the command line, so no secret is needed.
 */
export function agentCommand(desktop: DemoDesktop, token: string, basePort: number): string {
  const url = basePort === 3000 ? '' : ` --url ${gatewayUrl(basePort)}`;
  return `node dist/tools/desktop/agent.js --agent ${desktop.agent} --place ${desktop.place}${url} --token ${token}`;
}

/** The agent workspace page that logs `desktop`'s agent in at once (a browser's address). */
export function workspaceUrl(desktop: DemoDesktop, token: string, basePort: number): string {
  const query = new URLSearchParams({ place: desktop.place, access_token: token });
  return `${gatewayUrl(basePort)}/workspace/?${query}`;
}

/** The supervisor console, signed in with `token`. */
export function supervisorConsoleUrl(token: string, basePort: number): string {
  return `${gatewayUrl(basePort)}/supervisor/?${new URLSearchParams({ access_token: token })}`;
}
