import { describePredictiveDemo, predictiveDemoPlan } from './demo-predictive';

describe('describePredictiveDemo', () => {
  const plan = predictiveDemoPlan()!;
  const running = {
    kind: 'running' as const,
    group: `${plan.campaign}@${plan.agentGroup}`,
    dbid: 1,
    plan,
    stop: () => Promise.resolve(),
  };

  it("offers the person's agent both as a CLI command and as a workspace link", () => {
    const lines = describePredictiveDemo(
      running,
      'postgresql://db',
      'node agent.js',
      'http://gw/workspace/?x',
    );
    expect(lines).toContain('    node agent.js');
    expect(lines).toContain('  or in the agent workspace (a browser): http://gw/workspace/?x');
    expect(lines.join('\n')).toContain(plan.person.agent);
  });

  it('says nothing of a person without a command or link, and why the demo did not start', () => {
    expect(describePredictiveDemo(running, 'postgresql://db').join('\n')).not.toContain('workspace');
    expect(describePredictiveDemo({ kind: 'failed', reason: 'no bus' }, 'postgresql://db')).toEqual([
      'Predictive demo: could not start it: no bus',
    ]);
    expect(describePredictiveDemo({ kind: 'skipped' }, 'postgresql://db')).toEqual([]);
  });
});
