import { createPrismaClient, type PrismaClient } from '@ocs/persistence';
import { createTestDatabase, type TestDatabase } from '@ocs/persistence/testing';
import { randomUUID } from 'node:crypto';

// campaign_group_sessions: the Prisma model agrees with the SQL, and the table's constraints keep
// a group to one loaded session and a status to the Genesys values.

describe('campaign_group_sessions', () => {
  let db: TestDatabase;
  let prisma: PrismaClient;
  let tenantId: number;
  let campaignGroupId: number;

  beforeAll(async () => {
    db = await createTestDatabase({ migrate: true });
    prisma = createPrismaClient(db.url);
    const tenant = await prisma.tenant.create({ data: { name: 'Sessions' } });
    tenantId = tenant.id;
    const campaign = await prisma.campaign.create({ data: { tenantId, name: 'Spring' } });
    const agentGroup = await prisma.agentGroup.create({ data: { tenantId, name: 'Sales' } });
    const group = await prisma.campaignGroup.create({
      data: {
        tenantId,
        campaignId: campaign.id,
        agentGroupId: agentGroup.id,
        name: 'Spring@Sales',
        dialMode: 1,
      },
    });
    campaignGroupId = group.id;
  });

  afterAll(async () => {
    await prisma?.$disconnect();
    await db?.drop();
  });

  const session = (status: number, extra: Record<string, unknown> = {}) => ({
    id: randomUUID(),
    tenantId,
    campaignGroupId,
    status,
    dialMode: 1,
    optimizeBy: 2,
    optimizeGoal: 5,
    version: 1,
    ...extra,
  });

  it('writes and reads every column through Prisma', async () => {
    const data = session(0, {
      pendingEvents: [{ id: 'x.1' }],
      autoCompletion: true,
      loadedAt: new Date('2026-11-21T10:00:00Z'),
      updatedAt: new Date('2026-11-21T10:05:00Z'),
      unloadedAt: new Date('2026-11-21T10:05:00Z'),
    });
    await prisma.campaignGroupSession.create({ data });
    expect(await prisma.campaignGroupSession.findUniqueOrThrow({ where: { id: data.id } })).toEqual(data);
  });

  it('allows one loaded session per group, and any number of ended ones', async () => {
    await prisma.campaignGroupSession.create({
      data: session(0, { unloadedAt: new Date() }),
    });
    await prisma.campaignGroupSession.create({ data: session(4) });
    await expect(prisma.campaignGroupSession.create({ data: session(5) })).rejects.toThrow(
      /Unique constraint/,
    );
  });

  // Each case breaks one constraint, named so that another (the loaded-group index above) cannot
  // be what refuses it.
  it.each([
    ['an unknown status', { status: 6 }, 'campaign_group_sessions_status_check'],
    ['a NotLoaded session without its end', { status: 0, unloadedAt: null }, 'unloaded_at_check'],
    ['a loaded session with an end', { status: 4, unloadedAt: new Date() }, 'unloaded_at_check'],
    ['an unknown dial mode', { dialMode: 6 }, 'dial_mode_check'],
    ['a goal without a method', { optimizeBy: null }, 'optimization_check'],
    ['a percentage above 100', { optimizeGoal: 101 }, 'optimization_check'],
    ['a version of 0', { version: 0 }, 'version_check'],
    ['pending events that are not a list', { pendingEvents: {} }, 'pending_events_check'],
  ])('rejects %s', async (_case, extra, constraint) => {
    const base = session(1);
    await expect(
      prisma.campaignGroupSession.create({ data: { ...base, status: 0, unloadedAt: new Date(), ...extra } }),
    ).rejects.toThrow(constraint);
  });
});
