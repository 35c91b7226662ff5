import { issueDesktopToken, verifyDesktopToken } from './desktop-token';
import { issueSupervisorToken, SupervisorTokenError, verifySupervisorToken } from './supervisor-token';

const secret = 'a-test-secret-that-is-long-enough-0123456789';

describe('supervisor tokens', () => {
  it('carry the tenant, the supervisor and the expiry', async () => {
    const now = new Date(Date.now() - 10_500);
    const token = await issueSupervisorToken({
      secret,
      tenant: 'Resources',
      supervisor: 'sue',
      ttlSeconds: 60,
      now,
    });
    await expect(verifySupervisorToken(token, secret)).resolves.toEqual({
      tenant: 'Resources',
      supervisor: 'sue',
      // Whole seconds, as the claim has them.
      expiresAt: new Date((Math.floor(now.getTime() / 1000) + 60) * 1000),
    });
  });

  it('are refused when signed with another secret', async () => {
    const token = await issueSupervisorToken({
      secret: `${secret}-other`,
      tenant: 'Resources',
      supervisor: 'sue',
      ttlSeconds: 60,
    });
    await expect(verifySupervisorToken(token, secret)).rejects.toBeInstanceOf(SupervisorTokenError);
  });

  it('are refused once expired', async () => {
    const token = await issueSupervisorToken({
      secret,
      tenant: 'Resources',
      supervisor: 'sue',
      ttlSeconds: 60,
      now: new Date(Date.now() - 3_600_000),
    });
    await expect(verifySupervisorToken(token, secret)).rejects.toThrow(/invalid token/);
  });

  it('never accept a desktop token, even one signed with the same secret', async () => {
    const desktop = await issueDesktopToken({
      secret,
      tenant: 'Resources',
      agent: 'agent01',
      ttlSeconds: 60,
    });
    await expect(verifySupervisorToken(desktop, secret)).rejects.toThrow(/aud/);
  });

  it('never open a desktop', async () => {
    const token = await issueSupervisorToken({
      secret,
      tenant: 'Resources',
      supervisor: 'sue',
      ttlSeconds: 60,
    });
    await expect(verifyDesktopToken(token, secret)).rejects.toThrow(/aud/);
  });

  it('are refused without a supervisor claim', async () => {
    const token = await issueSupervisorToken({ secret, tenant: 'Resources', supervisor: '', ttlSeconds: 60 });
    await expect(verifySupervisorToken(token, secret)).rejects.toThrow(/supervisor \(up to 64\)/);
  });

  it('are refused when not a token at all', async () => {
    await expect(verifySupervisorToken('not.a.token', secret)).rejects.toBeInstanceOf(SupervisorTokenError);
  });
});
