import { REQUEST_SPECS } from './attributes';
import { ErrorCode } from './errors';
import { type RequestType } from './requests';
import { type AttachedData, type DesktopRequest, validateRequest } from './validation';

interface Example {
  /** A request carrying every attribute its table lists, with valid values. */
  readonly data: Record<string, string | number>;
  /** The keys the manual's table marks "Key Required: Yes" (besides GSW_AGENT_REQ_TYPE). */
  readonly mandatory: readonly string[];
  /** Keys that are optional alone but make others mandatory: the record handle selects a record. */
  readonly selector?: string;
}

const campaignScoped = (type: RequestType): Example => ({
  data: {
    GSW_AGENT_REQ_TYPE: type,
    GSW_APPLICATION_ID: 101,
    GSW_CAMPAIGN_GROUP_NAME: 'Sales@Agents',
    GSW_CAMPAIGN_NAME: 'Sales',
    GSW_REFERENCE_ID: 7,
  },
  mandatory: ['GSW_APPLICATION_ID', 'GSW_CAMPAIGN_NAME'],
});

/** Written from the manual's per-request tables, independently of REQUEST_SPECS. */
const examples: Record<RequestType, Example> = {
  CampaignStatusRequest: {
    data: { GSW_AGENT_REQ_TYPE: 'CampaignStatusRequest', GSW_APPLICATION_ID: 101, GSW_REFERENCE_ID: 1 },
    mandatory: [],
  },
  PreviewDialingModeStart: campaignScoped('PreviewDialingModeStart'),
  PreviewDialingModeOver: campaignScoped('PreviewDialingModeOver'),
  PreviewRecordRequest: {
    data: {
      GSW_AGENT_REQ_TYPE: 'PreviewRecordRequest',
      GSW_APPLICATION_ID: 101,
      GSW_CAMPAIGN_NAME: 'Sales',
      GSW_REFERENCE_ID: 2,
    },
    mandatory: ['GSW_APPLICATION_ID', 'GSW_CAMPAIGN_NAME'],
  },
  ReadyTime: {
    data: {
      GSW_AGENT_REQ_TYPE: 'ReadyTime',
      GSW_READY_TIME: 15,
      GSW_APPLICATION_ID: 101,
      GSW_RECORD_HANDLE: 42,
      GSW_REFERENCE_ID: 3,
    },
    mandatory: ['GSW_READY_TIME', 'GSW_APPLICATION_ID', 'GSW_RECORD_HANDLE'],
  },
  UpdateCallCompletionStats: {
    data: {
      GSW_AGENT_REQ_TYPE: 'UpdateCallCompletionStats',
      GSW_CALL_RESULT: 33,
      GSW_FROM: 28800,
      GSW_UNTIL: 64800,
      GSW_PHONE: '5551234',
      GSW_PHONE_TYPE: 1,
      GSW_RECORD_HANDLE: 42,
      GSW_APPLICATION_ID: 101,
      GSW_CAMPAIGN_GROUP_NAME: 'Sales@Agents',
      GSW_CAMPAIGN_NAME: 'Sales',
      GSW_REFERENCE_ID: 4,
    },
    mandatory: ['GSW_RECORD_HANDLE', 'GSW_APPLICATION_ID', 'GSW_CAMPAIGN_NAME'],
  },
  RecordProcessed: {
    data: {
      GSW_AGENT_REQ_TYPE: 'RecordProcessed',
      GSW_APPLICATION_ID: 101,
      GSW_CALL_RESULT: 33,
      GSW_CALLING_LIST: 'List A',
      GSW_CAMPAIGN_GROUP_NAME: 'Sales@Agents',
      GSW_CAMPAIGN_NAME: 'Sales',
      GSW_FROM: 28800,
      GSW_UNTIL: 64800,
      GSW_PHONE: '5551234',
      GSW_PHONE_TYPE: 4,
      GSW_RECORD_HANDLE: 42,
      GSW_REFERENCE_ID: 5,
      GSW_TREATMENT: 'RecordTreatCampaign',
    },
    mandatory: ['GSW_APPLICATION_ID', 'GSW_CALLING_LIST', 'GSW_CAMPAIGN_NAME', 'GSW_RECORD_HANDLE'],
  },
  ChainedRecordRequest: {
    data: {
      GSW_AGENT_REQ_TYPE: 'ChainedRecordRequest',
      GSW_APPLICATION_ID: 101,
      GSW_CAMPAIGN_GROUP_NAME: 'Sales@Agents',
      GSW_CAMPAIGN_NAME: 'Sales',
      GSW_RECORD_HANDLE: 42,
      GSW_REFERENCE_ID: 6,
    },
    mandatory: ['GSW_APPLICATION_ID', 'GSW_RECORD_HANDLE'],
  },
  RecordReject: {
    data: {
      GSW_AGENT_REQ_TYPE: 'RecordReject',
      GSW_APPLICATION_ID: 101,
      GSW_CALLING_LIST: 'List A',
      GSW_CAMPAIGN_GROUP_NAME: 'Sales@Agents',
      GSW_CAMPAIGN_NAME: 'Sales',
      GSW_RECORD_HANDLE: 42,
      GSW_REFERENCE_ID: 8,
    },
    mandatory: ['GSW_APPLICATION_ID', 'GSW_CALLING_LIST', 'GSW_CAMPAIGN_NAME', 'GSW_RECORD_HANDLE'],
  },
  RequestRecordCancel: {
    data: {
      GSW_AGENT_REQ_TYPE: 'RequestRecordCancel',
      GSW_APPLICATION_ID: 101,
      GSW_CALLING_LIST: 'List A',
      GSW_CAMPAIGN_GROUP_NAME: 'Sales@Agents',
      GSW_CAMPAIGN_NAME: 'Sales',
      GSW_CHAIN_ATTR: 'RecordOnly',
      GSW_CUSTOMER_ID: 'C-17',
      GSW_PHONE: '5551234',
      GSW_RECORD_HANDLE: 42,
      GSW_REFERENCE_ID: 9,
    },
    // With GSW_RECORD_HANDLE present, the "Mandatory Fields" section adds campaign and calling list.
    mandatory: ['GSW_APPLICATION_ID', 'GSW_CAMPAIGN_NAME', 'GSW_CALLING_LIST'],
    selector: 'GSW_RECORD_HANDLE',
  },
  DoNotCall: {
    data: {
      GSW_AGENT_REQ_TYPE: 'DoNotCall',
      GSW_APPLICATION_ID: 101,
      GSW_CALLING_LIST: 'List A',
      GSW_Campaign_GROUP_NAME: 'Sales@Agents',
      GSW_CAMPAIGN_GROUP_NAME: 'Sales@Agents',
      GSW_CAMPAIGN_NAME: 'Sales',
      GSW_CHAIN_ATTR: 'AllChain',
      GSW_MESSAGE: 'Customer asked not to be called',
      GSW_PHONE: '5551234',
      GSW_CUSTOMER_ID: 'C-17',
      GSW_RECORD_HANDLE: 42,
      GSW_REFERENCE_ID: 10,
      // Taken from the acknowledgement's table: the request table omits it, the Do Not Call table uses it.
      GSW_DURATION: 3600,
    },
    mandatory: ['GSW_APPLICATION_ID', 'GSW_CAMPAIGN_NAME', 'GSW_CALLING_LIST'],
    selector: 'GSW_RECORD_HANDLE',
  },
  RecordReschedule: {
    data: {
      GSW_AGENT_REQ_TYPE: 'RecordReschedule',
      GSW_APPLICATION_ID: 101,
      GSW_CALLBACK_TYPE: 'Personal',
      GSW_CAMPAIGN_GROUP_NAME: 'Sales@Agents',
      GSW_CAMPAIGN_NAME: 'Sales',
      GSW_DATE_TIME: '12/31/2030 14:30',
      GSW_RECORD_HANDLE: 42,
      GSW_REFERENCE_ID: 11,
    },
    mandatory: [
      'GSW_APPLICATION_ID',
      'GSW_CALLBACK_TYPE',
      'GSW_CAMPAIGN_NAME',
      'GSW_DATE_TIME',
      'GSW_RECORD_HANDLE',
    ],
  },
  ScheduledRecordReschedule: {
    data: {
      GSW_AGENT_REQ_TYPE: 'ScheduledRecordReschedule',
      GSW_APPLICATION_ID: 101,
      GSW_CALLBACK_TYPE: 'Campaign',
      GSW_CAMPAIGN_GROUP_NAME: 'Sales@Agents',
      GSW_CAMPAIGN_NAME: 'Sales',
      GSW_DATE_TIME: '01/15/31 09:05',
      GSW_PHONE: '5551234',
      GSW_RECORD_HANDLE: 42,
      GSW_REFERENCE_ID: 12,
    },
    // GSW_CALLBACK_TYPE is deliberately accepted when absent: see attributes.ts.
    mandatory: ['GSW_APPLICATION_ID', 'GSW_CAMPAIGN_NAME', 'GSW_DATE_TIME', 'GSW_RECORD_HANDLE'],
  },
  AddRecord: {
    data: {
      GSW_AGENT_REQ_TYPE: 'AddRecord',
      GSW_AGENT_ID: 'agent-7',
      GSW_APPLICATION_ID: 101,
      GSW_ATTEMPTS: 0,
      GSW_CALL_RESULT: 28,
      GSW_CALL_TIME: '0',
      GSW_CALLING_LIST: 'List A',
      GSW_CAMPAIGN_GROUP_NAME: 'Sales@Agents',
      GSW_CAMPAIGN_NAME: 'Sales',
      GSW_CHAIN_ID: 3,
      GSW_DATE_TIME: '06/01/2031 10:00',
      GSW_FROM: 28800,
      GSW_PHONE: '5559876',
      GSW_PHONE_TYPE: 2,
      GSW_RECORD_HANDLE: 42,
      GSW_RECORD_STATUS: 1,
      GSW_RECORD_TYPE: 2,
      GSW_REFERENCE_ID: 13,
      GSW_TZ_NAME: 'EST',
      GSW_CHAIN_N: 1,
      GSW_UNTIL: 64800,
    },
    mandatory: ['GSW_APPLICATION_ID', 'GSW_CALLING_LIST', 'GSW_CAMPAIGN_NAME', 'GSW_PHONE', 'GSW_TZ_NAME'],
  },
  LogOut: campaignScoped('LogOut'),
};

function without(data: AttachedData, ...keys: string[]): AttachedData {
  return Object.fromEntries(Object.entries(data).filter(([key]) => !keys.includes(key)));
}

function parse(data: AttachedData): DesktopRequest {
  const result = validateRequest(data);
  if (!result.ok) throw new Error(`expected a valid request, got ${JSON.stringify(result.error)}`);
  return result.request;
}

function errorOf(data: AttachedData) {
  const result = validateRequest(data);
  if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.request)}`);
  return result.error;
}

describe('validateRequest', () => {
  describe.each(Object.entries(examples))('%s', (type, { data, mandatory, selector }) => {
    it('parses a request carrying every attribute of its table', () => {
      const request = parse(data);
      expect(request.type).toBe(type);
      expect(request.attributes).toEqual(without(data, 'GSW_AGENT_REQ_TYPE'));
      expect(request.customFields).toEqual({});
    });

    it('has a table listing exactly the attributes the manual lists (and the noted additions)', () => {
      const listed = REQUEST_SPECS[type as RequestType].attributes.map((a) => a.key);
      expect([...listed].sort()).toEqual(Object.keys(without(data, 'GSW_AGENT_REQ_TYPE')).sort());
    });

    if (mandatory.length > 0) {
      it.each(mandatory)('answers 102 Attribute Not Found when %s is missing', (key) => {
        expect(errorOf(without(data, key))).toMatchObject({
          code: ErrorCode.AttributeNotFound,
          attribute: key,
        });
      });
    }

    it('parses a request with only the mandatory attributes', () => {
      const kept = ['GSW_AGENT_REQ_TYPE', ...mandatory, ...(selector === undefined ? [] : [selector])];
      const minimal = Object.fromEntries(Object.entries(data).filter(([key]) => kept.includes(key)));
      expect(parse(minimal).attributes).toEqual(without(minimal, 'GSW_AGENT_REQ_TYPE'));
    });

    it('echoes GSW_REFERENCE_ID in both the parsed request and an error', () => {
      const referenceId = data['GSW_REFERENCE_ID'];
      expect(parse(data).attributes).toHaveProperty('GSW_REFERENCE_ID', referenceId);
      const broken = { ...data, GSW_APPLICATION_ID: 'not a number' };
      expect(errorOf(broken)).toMatchObject({ requestType: type, referenceId });
    });

    it('ignores keys its table does not list, whatever their value', () => {
      const noisy = {
        ...data,
        GSW_CALL_ATTEMPT_GUID: 'guid',
        GSW_SOMETHING_NEW: { nested: true },
        InteractionType: 'Outbound',
      };
      expect(parse(noisy).attributes).toEqual(without(data, 'GSW_AGENT_REQ_TYPE'));
    });
  });

  it('ignores key order', () => {
    const data = examples.RecordProcessed.data;
    const reversed = Object.fromEntries(Object.entries(data).reverse());
    expect(parse(reversed)).toEqual(parse(data));
  });

  describe('request type', () => {
    it('answers 101 Invalid Request when GSW_AGENT_REQ_TYPE is missing', () => {
      expect(errorOf({ GSW_APPLICATION_ID: 101, GSW_REFERENCE_ID: 3 })).toEqual({
        code: ErrorCode.InvalidRequest,
        attribute: 'GSW_AGENT_REQ_TYPE',
        description: 'GSW_AGENT_REQ_TYPE is missing',
        referenceId: 3,
      });
    });

    it('answers 101 Invalid Request for an unknown request, echoing its name', () => {
      expect(errorOf({ GSW_AGENT_REQ_TYPE: 'RecordCancel', GSW_APPLICATION_ID: 101 })).toMatchObject({
        code: ErrorCode.InvalidRequest,
        requestType: 'RecordCancel',
      });
    });

    it('compares request names case-sensitively', () => {
      expect(errorOf({ ...examples.LogOut.data, GSW_AGENT_REQ_TYPE: 'Logout' }).code).toBe(
        ErrorCode.InvalidRequest,
      );
    });

    it('answers 101 for a request name that is not a string', () => {
      expect(errorOf({ GSW_AGENT_REQ_TYPE: 5 })).toMatchObject({ code: ErrorCode.InvalidRequest });
    });
  });

  describe('missing attributes', () => {
    it('reports every missing mandatory attribute, naming the first', () => {
      expect(errorOf({ GSW_AGENT_REQ_TYPE: 'RecordReject', GSW_APPLICATION_ID: 101 })).toMatchObject({
        code: ErrorCode.AttributeNotFound,
        attribute: 'GSW_CALLING_LIST',
        description: 'Missing mandatory GSW_CALLING_LIST, GSW_CAMPAIGN_NAME, GSW_RECORD_HANDLE',
      });
    });

    it('treats null as absent', () => {
      expect(errorOf({ ...examples.LogOut.data, GSW_CAMPAIGN_NAME: null })).toMatchObject({
        code: ErrorCode.AttributeNotFound,
        attribute: 'GSW_CAMPAIGN_NAME',
      });
    });

    it('reports missing attributes before wrong ones', () => {
      const data = { ...without(examples.ReadyTime.data, 'GSW_RECORD_HANDLE'), GSW_READY_TIME: 'soon' };
      expect(errorOf(data)).toMatchObject({
        code: ErrorCode.AttributeNotFound,
        attribute: 'GSW_RECORD_HANDLE',
      });
    });
  });

  describe.each(['RequestRecordCancel', 'DoNotCall'] as const)('%s record selection', (type) => {
    const base = { GSW_AGENT_REQ_TYPE: type, GSW_APPLICATION_ID: 101 };

    it('accepts a phone number alone', () => {
      expect(parse({ ...base, GSW_PHONE: '5551234' }).attributes).toEqual({
        GSW_APPLICATION_ID: 101,
        GSW_PHONE: '5551234',
      });
    });

    it('accepts a customer id alone', () => {
      expect(parse({ ...base, GSW_CUSTOMER_ID: 'C-17' }).attributes).toHaveProperty(
        'GSW_CUSTOMER_ID',
        'C-17',
      );
    });

    it('answers 102 when nothing identifies the record', () => {
      expect(errorOf(base)).toMatchObject({ code: ErrorCode.AttributeNotFound, attribute: 'GSW_PHONE' });
    });

    it('requires campaign and calling list with a record handle, even if a phone is given', () => {
      const data = { ...base, GSW_RECORD_HANDLE: 42, GSW_PHONE: '5551234', GSW_CALLING_LIST: 'List A' };
      expect(errorOf(data)).toMatchObject({
        code: ErrorCode.AttributeNotFound,
        attribute: 'GSW_CAMPAIGN_NAME',
      });
    });

    it('still requires GSW_APPLICATION_ID', () => {
      const data = { GSW_AGENT_REQ_TYPE: type, GSW_PHONE: '5551234' };
      expect(errorOf(data)).toMatchObject({
        code: ErrorCode.AttributeNotFound,
        attribute: 'GSW_APPLICATION_ID',
      });
    });
  });

  it('accepts the GSW_Campaign_GROUP_NAME spelling of the DoNotCall table as received', () => {
    const data = {
      GSW_AGENT_REQ_TYPE: 'DoNotCall',
      GSW_APPLICATION_ID: 101,
      GSW_PHONE: '1',
      GSW_Campaign_GROUP_NAME: 'G',
    };
    expect(parse(data).attributes).toEqual({
      GSW_APPLICATION_ID: 101,
      GSW_PHONE: '1',
      GSW_Campaign_GROUP_NAME: 'G',
    });
  });

  describe('wrong value types answer 103 Invalid Attribute Value', () => {
    it.each([
      ['an Int sent as a numeric string', 'GSW_RECORD_HANDLE', '42'],
      ['an Int with a fraction', 'GSW_RECORD_HANDLE', 4.2],
      ['an Int beyond safe integers', 'GSW_RECORD_HANDLE', 2 ** 60],
      ['a String sent as a number', 'GSW_CALLING_LIST', 17],
      ['a nested list', 'GSW_CAMPAIGN_NAME', { name: 'Sales' }],
      ['a boolean', 'GSW_APPLICATION_ID', true],
      ['an optional Int', 'GSW_CALL_RESULT', 'Answer'],
      ['an optional String', 'GSW_PHONE', 5551234],
      ['GSW_REFERENCE_ID itself', 'GSW_REFERENCE_ID', 'ref-1'],
    ])('%s', (_, key, value) => {
      const data = { ...examples.RecordProcessed.data, [key]: value };
      expect(errorOf(data)).toMatchObject({
        code: ErrorCode.InvalidAttributeValue,
        attribute: key,
        requestType: 'RecordProcessed',
      });
    });

    it('still echoes a GSW_REFERENCE_ID of the wrong type unchanged', () => {
      expect(errorOf({ ...examples.LogOut.data, GSW_REFERENCE_ID: 'ref-1' }).referenceId).toBe('ref-1');
    });
  });

  describe('attribute values', () => {
    it.each([0, -5])('answers 103 for a ReadyTime of %d seconds', (seconds) => {
      expect(errorOf({ ...examples.ReadyTime.data, GSW_READY_TIME: seconds })).toMatchObject({
        code: ErrorCode.InvalidAttributeValue,
        attribute: 'GSW_READY_TIME',
      });
    });

    it.each([
      ['RecordReschedule', 'GSW_CALLBACK_TYPE', 'personal'],
      ['RequestRecordCancel', 'GSW_CHAIN_ATTR', 'Chain'],
      ['DoNotCall', 'GSW_CHAIN_ATTR', 'allchain'],
      ['RecordProcessed', 'GSW_TREATMENT', 'RecordTreat Personal'],
    ] as const)('answers 103 for %s with %s = %s', (type, key, value) => {
      expect(errorOf({ ...examples[type].data, [key]: value })).toMatchObject({
        code: ErrorCode.InvalidAttributeValue,
        attribute: key,
      });
    });

    it.each(['RecordReschedule', 'ScheduledRecordReschedule', 'AddRecord'] as const)(
      'answers 111 Invalid Time Format for an unreadable %s GSW_DATE_TIME',
      (type) => {
        expect(errorOf({ ...examples[type].data, GSW_DATE_TIME: '25/45/00 10:00' })).toMatchObject({
          code: ErrorCode.InvalidTimeFormat,
          attribute: 'GSW_DATE_TIME',
        });
      },
    );
  });

  describe('custom fields', () => {
    it.each(['UpdateCallCompletionStats', 'RecordProcessed', 'AddRecord'] as const)(
      '%s carries non-reserved keys with string or integer values',
      (type) => {
        const data = {
          ...examples[type].data,
          customer_name: 'John Doe',
          balance: 1200,
          ratio: 1.5,
          GSW_CALL_ATTEMPT_GUID: 'reserved',
          InteractionSubtype: 'OutboundNew',
        };
        const request = parse(data);
        expect(request.customFields).toEqual({ customer_name: 'John Doe', balance: 1200 });
        expect(request.attributes).toEqual(without(examples[type].data, 'GSW_AGENT_REQ_TYPE'));
      },
    );

    it('keeps GSW_-prefixed keys that are not reserved, as some deployments name fields so', () => {
      const request = parse({ ...examples.RecordProcessed.data, GSW_CUSTOM_STRING: 'note' });
      expect(request.customFields).toEqual({ GSW_CUSTOM_STRING: 'note' });
    });

    it('is always empty for requests whose table has no custom fields', () => {
      expect(parse({ ...examples.RecordReject.data, customer_name: 'John Doe' }).customFields).toEqual({});
    });
  });

  it('narrows attribute types on the request type', () => {
    const request = parse(examples.ReadyTime.data);
    if (request.type !== 'ReadyTime') throw new Error('expected ReadyTime');
    const seconds: number = request.attributes.GSW_READY_TIME;
    const referenceId: number | undefined = request.attributes.GSW_REFERENCE_ID;
    expect([seconds, referenceId]).toEqual([15, 3]);
  });
});
