import { DesktopTokenError, issueDesktopToken, verifyDesktopToken } from './desktop-token';

const secret = 'a-test-secret-that-is-long-enough-0123456789';

describe('desktop tokens', () => {
  it('carry the tenant and the agent', async () => {
    const token = await issueDesktopToken({ secret, tenant: 'Resources', agent: 'agent01', ttlSeconds: 60 });
    await expect(verifyDesktopToken(token, secret)).resolves.toEqual({
      tenant: 'Resources',
      agent: 'agent01',
    });
  });

  it('are refused when signed with another secret', async () => {
    const token = await issueDesktopToken({
      secret: `${secret}-other`,
      tenant: 'Resources',
      agent: 'agent01',
      ttlSeconds: 60,
    });
    await expect(verifyDesktopToken(token, secret)).rejects.toBeInstanceOf(DesktopTokenError);
  });

  it('are refused once expired', async () => {
    const token = await issueDesktopToken({
      secret,
      tenant: 'Resources',
      agent: 'agent01',
      ttlSeconds: 60,
      now: new Date(Date.now() - 3_600_000),
    });
    await expect(verifyDesktopToken(token, secret)).rejects.toThrow(/invalid token/);
  });

  it('are refused when not a token at all', async () => {
    await expect(verifyDesktopToken('not.a.token', secret)).rejects.toBeInstanceOf(DesktopTokenError);
  });

  it('are refused when the agent claim is longer than a login id', async () => {
    const token = await issueDesktopToken({
      secret,
      tenant: 'Resources',
      agent: 'a'.repeat(33),
      ttlSeconds: 60,
    });
    await expect(verifyDesktopToken(token, secret)).rejects.toThrow(/agent \(up to 32\)/);
  });
});
