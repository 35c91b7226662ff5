import { randomUUID } from 'node:crypto';
import { createPrismaClient, Prisma, type PrismaClient } from '../src';
import { createTestDatabase, type TestDatabase } from '../src/testing';

// The client is generated from prisma/schema.prisma while the tables come from the SQL migrations;
// these tests fail when the two disagree (a missing or misnamed column, a wrong type, a NOT NULL
// column the schema does not know about).
describe('Prisma schema and SQL migrations', () => {
  let db: TestDatabase;
  let prisma: PrismaClient;

  beforeAll(async () => {
    db = await createTestDatabase({ migrate: true });
    prisma = createPrismaClient(db.url);
  });

  afterAll(async () => {
    await prisma.$disconnect();
    await db.drop();
  });

  it('has a table for every model and a model for every table', async () => {
    const { rows } = await db.pool.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
    );
    expect(rows).toHaveLength(Object.keys(Prisma.ModelName).length);
  });

  it('writes and reads every column of every model', async () => {
    const tenant = await prisma.tenant.create({ data: { name: 'Schema check' } });
    const tenantId = tenant.id;
    const zone = await prisma.timeZone.create({
      data: { tenantId, name: 'PST', ianaName: 'America/Los_Angeles', description: 'US Pacific Time' },
    });
    const place = await prisma.place.create({ data: { tenantId, name: 'Place_1', dn: '7001' } });
    const agent = await prisma.agent.create({
      data: { tenantId, loginId: 'agent01', name: 'Ava Martin', employeeId: 'E1', placeId: place.id },
    });
    const group = await prisma.agentGroup.create({
      data: { tenantId, name: 'Sales', description: 'Sales team' },
    });
    await prisma.agentGroupMember.create({ data: { tenantId, agentGroupId: group.id, agentId: agent.id } });
    const campaign = await prisma.campaign.create({
      data: { tenantId, name: 'Spring', description: 'Offers', enabled: false },
    });
    const campaignGroup = await prisma.campaignGroup.create({
      data: {
        tenantId,
        campaignId: campaign.id,
        agentGroupId: group.id,
        name: 'Spring@Sales',
        description: 'Predictive',
        dialMode: 1,
        optimizeBy: 2,
        optimizeGoal: 3,
        agentPreviewModeStart: true,
        recordProcessed: false,
        staleCleanTimeoutSeconds: 600,
        callWaitConnectedTimeoutSeconds: 10,
        predictiveCallback: true,
        predictiveAlgorithm: 'advanced_small_group',
        customerIdField: 'account_number',
      },
    });
    const list = await prisma.callingList.create({
      data: {
        tenantId,
        name: 'Residential',
        description: 'Home customers',
        dailyFrom: 32400,
        dailyTill: 75600,
        tzDbid: zone.id,
        maxAttempts: 5,
      },
    });
    await prisma.callingListField.create({
      data: {
        tenantId,
        callingListId: list.id,
        name: 'account_number',
        dataType: 'char',
        length: 10,
        sendAttribute: 'AccountNumber',
        displayName: 'Account',
        editable: false,
        mandatory: true,
        defaultValue: 'AC00000000',
      },
    });
    const filter = await prisma.callingListFilter.create({
      data: {
        tenantId,
        callingListId: list.id,
        name: 'All',
        description: 'Everything',
        criteria: { where: [], orderBy: [{ field: 'chain_n', direction: 'asc' }] },
      },
    });
    await prisma.campaignCallingList.create({
      data: {
        tenantId,
        campaignId: campaign.id,
        callingListId: list.id,
        share: 50,
        active: false,
        filterId: filter.id,
      },
    });
    const record = await prisma.callingListRecord.create({
      data: {
        tenantId,
        callingListId: list.id,
        contactInfo: '+14155550123',
        contactInfoType: 4,
        recordType: 5,
        recordStatus: 3,
        callResult: 33,
        attempt: 2,
        dialSchedTime: 1_900_000_000n,
        callTime: 1_800_000_000n,
        dailyFrom: 32400,
        dailyTill: 75600,
        tzDbid: zone.id,
        campaignId: campaign.id,
        agentId: 'agent01',
        chainId: 7,
        chainN: 1,
        appId: 101,
        emailSubject: 'Subject',
        emailTemplateId: 1,
        groupId: group.id,
        mediaRef: 1,
        switchId: 1,
        treatments: '1@1@0@1',
        customerId: 'AC00000007',
        custom: { account_number: 'AC00000007' },
      },
    });
    await prisma.treatment.create({
      data: {
        tenantId,
        callingListId: list.id,
        name: 'Retry at date',
        description: 'Christmas',
        callResult: 6,
        applyToRecord: 'RetryAtSpecifiedDate',
        applyToCall: null,
        destinationDn: null,
        sequenceNumber: 2,
        cycleAttempt: 1,
        intervalMinutes: 0,
        incrementMinutes: 0,
        specifiedDate: new Date('2026-12-24T00:00:00Z'),
        specifiedTime: 36000,
      },
    });
    await prisma.dncEntry.create({
      data: {
        tenantId,
        phone: '+14155550123',
        message: 'Do not call',
        source: 'desktop',
        agentId: 'agent01',
        expiresAt: new Date('2027-01-01T00:00:00Z'),
      },
    });
    await prisma.callback.create({
      data: {
        tenantId,
        recordId: record.id,
        campaignGroupId: campaignGroup.id,
        type: 'personal',
        agentId: 'agent01',
        scheduledAt: new Date('2030-03-08T17:00:00Z'),
        status: 'scheduled',
      },
    });
    const guid = randomUUID();
    await prisma.callAttempt.create({
      data: {
        tenantId,
        attemptGuid: guid,
        recordId: record.id,
        campaignGroupId: campaignGroup.id,
        agentId: 'agent01',
        contactInfo: '+14155550123',
        callResult: 33,
        histSequenceNum: 1,
        startProcessingAt: new Date('2026-11-21T10:00:00Z'),
        dialedAt: new Date('2026-11-21T10:00:01Z'),
        answeredAt: new Date('2026-11-21T10:00:09Z'),
        abandonedAt: null,
        acwCompletedAt: new Date('2026-11-21T10:05:00Z'),
        completeProcessingAt: new Date('2026-11-21T10:05:01Z'),
      },
    });

    const session = await prisma.dialingSession.create({
      data: {
        id: randomUUID(),
        tenantId,
        campaignGroupId: campaignGroup.id,
        state: 'unloading',
        forced: true,
        config: { callingLists: [] },
        groupStatus: 1,
        owner: 'record-dispatcher-1',
        leaseExpiresAt: new Date('2026-11-21T10:00:15Z'),
        recordsReturned: 2,
        recordsStale: 1,
      },
    });
    await prisma.recordHandle.create({
      data: {
        tenantId,
        sessionId: session.id,
        recordId: record.id,
        callingListId: list.id,
        chainId: record.chainId,
        recordType: 2,
        dialSchedTime: 1_800_000_000n,
        state: 'desktop',
        agentId: 'agent01',
        deliveredAt: new Date('2026-11-21T10:00:00Z'),
      },
    });

    await prisma.campaignGroupSession.create({
      data: {
        id: randomUUID(),
        tenantId,
        campaignGroupId: campaignGroup.id,
        status: 5,
        dialMode: 1,
        optimizeBy: 2,
        optimizeGoal: 3,
        version: 2,
        pendingEvents: [],
      },
    });
    await prisma.callbackOutbox.create({
      data: { id: `callback-${guid}`, tenantId, payload: { recordId: record.id.toString() } },
    });
    await prisma.phoneLockout.create({
      data: { tenantId, phone: '+14155550100', lockedUntil: new Date('2026-01-04T00:00:00Z') },
    });
    await prisma.pacingSession.create({
      data: {
        id: randomUUID(),
        tenantId,
        campaignGroupId: campaignGroup.id,
        campaignId: campaign.id,
        agentGroupId: group.id,
        groupStatus: 5,
        dialMode: 1,
        optimizeBy: 2,
        optimizeGoal: 3,
        statusSeq: 2,
        owner: 'host:1',
        leaseExpiresAt: new Date('2026-01-01T00:00:15Z'),
      },
    });
    await prisma.pacingLiveAnswer.create({
      data: {
        tenantId,
        campaignId: campaign.id,
        campaignGroupId: campaignGroup.id,
        callId: randomUUID(),
        abandoned: true,
        answeredAt: new Date('2026-01-01T00:00:00Z'),
      },
    });
    const recordImport = await prisma.recordImport.create({
      data: {
        id: randomUUID(),
        tenantId,
        callingListId: list.id,
        status: 'loading',
        columns: ['phone', 'account_number'],
        staged: 1,
        rejected: 2,
        imported: 0,
        reason: null,
      },
    });
    await prisma.recordImportRow.create({
      data: {
        importId: recordImport.id,
        line: 2,
        contactInfo: '+14155550100',
        contactInfoType: 1,
        dailyFrom: 28_800,
        dailyTill: 72_000,
        tzDbid: zone.id,
        customerId: 'C-1',
        custom: { account_number: 'AC00000008' },
      },
    });

    // findMany selects every scalar column of a model, so a column missing in SQL fails here.
    for (const model of Object.values(Prisma.ModelName)) {
      const delegate = (prisma as unknown as Record<string, { findMany(): Promise<unknown[]> }>)[
        model.charAt(0).toLowerCase() + model.slice(1)
      ];
      expect(await delegate.findMany()).toHaveLength(1);
    }

    const stored = await prisma.callingListRecord.findUniqueOrThrow({
      where: { id: record.id },
      include: {
        callbacks: true,
        callAttempts: true,
        timeZone: true,
        callingList: { include: { fields: true } },
      },
    });
    expect(stored).toMatchObject({
      dialSchedTime: 1_900_000_000n,
      custom: { account_number: 'AC00000007' },
      timeZone: { name: 'PST' },
      callbacks: [{ type: 'personal', agentId: 'agent01' }],
      callAttempts: [{ attemptGuid: guid, histSequenceNum: 1 }],
      callingList: { fields: [{ name: 'account_number', length: 10 }] },
    });
  });

  it('fills the database defaults of a minimal record', async () => {
    const tenant = await prisma.tenant.create({ data: { name: 'Defaults' } });
    const zone = await prisma.timeZone.create({
      data: { tenantId: tenant.id, name: 'EST', ianaName: 'America/New_York' },
    });
    const list = await prisma.callingList.create({ data: { tenantId: tenant.id, name: 'List' } });
    const record = await prisma.callingListRecord.create({
      data: {
        tenantId: tenant.id,
        callingListId: list.id,
        contactInfo: '+12125550100',
        dailyFrom: list.dailyFrom,
        dailyTill: list.dailyTill,
        tzDbid: zone.id,
      },
    });
    expect(record).toMatchObject({
      contactInfoType: 1,
      recordType: 2,
      recordStatus: 1,
      callResult: 28,
      attempt: 0,
      chainN: 0,
      custom: {},
    });
    // Chain ids come from a sequence when not given.
    const another = await prisma.callingListRecord.create({
      data: {
        tenantId: tenant.id,
        callingListId: list.id,
        contactInfo: '+1',
        dailyFrom: 0,
        dailyTill: 60,
        tzDbid: zone.id,
      },
    });
    expect(another.chainId).toBeGreaterThan(record.chainId);
    expect(list).toMatchObject({ dailyFrom: 28800, dailyTill: 72000, maxAttempts: 10 });
  });
});
