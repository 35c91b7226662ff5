import { issueDesktopToken, issueSupervisorToken } from '@ocs/auth';
import { authenticateSupervisor, supervisorTokenOf } from './supervisor-auth';

const secret = 'supervisor-auth-test-secret-0123456789';

describe('supervisorTokenOf', () => {
  it('takes the bearer token first, then the access_token parameter', () => {
    expect(supervisorTokenOf('Bearer abc', 'def')).toBe('abc');
    expect(supervisorTokenOf('bearer  abc ', undefined)).toBe('abc');
    expect(supervisorTokenOf(undefined, 'def')).toBe('def');
    expect(supervisorTokenOf('Basic xyz', 'def')).toBe('def');
  });

  it('finds none in an empty or repeated parameter', () => {
    expect(supervisorTokenOf(undefined, '')).toBeUndefined();
    expect(supervisorTokenOf(undefined, ['a', 'b'])).toBeUndefined();
    expect(supervisorTokenOf('Bearer', undefined)).toBeUndefined();
  });
});

describe('authenticateSupervisor', () => {
  it("acts for the token's tenant and supervisor until the token expires", async () => {
    const token = await issueSupervisorToken({
      secret,
      tenant: 'Resources',
      supervisor: 'sue',
      ttlSeconds: 60,
    });
    await expect(authenticateSupervisor(token, secret)).resolves.toEqual({
      ok: true,
      identity: { tenant: 'Resources', supervisor: 'sue' },
      expiresAt: expect.any(Date),
    });
  });

  it('refuses with 503 when no secret is configured', async () => {
    await expect(authenticateSupervisor('anything', undefined)).resolves.toMatchObject({
      ok: false,
      refusal: { status: 503 },
    });
  });

  it('refuses with 401 without a token, with a desktop token or a forged one', async () => {
    const desktop = await issueDesktopToken({
      secret,
      tenant: 'Resources',
      agent: 'agent01',
      ttlSeconds: 60,
    });
    const forged = await issueSupervisorToken({
      secret: `${secret}-forged`,
      tenant: 'Resources',
      supervisor: 'sue',
      ttlSeconds: 60,
    });
    for (const token of [undefined, desktop, forged, 'garbage']) {
      await expect(authenticateSupervisor(token, secret)).resolves.toMatchObject({
        ok: false,
        refusal: { status: 401 },
      });
    }
  });
});
