import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AddRecord,
  CancelRecords,
  childOf,
  type Envelope,
  type ReplyOf,
  type RequestOf,
} from '@ocs/contracts';
import { RecordsService } from './records.service';

/** RequestRecordCancel and AddRecord, as the gateway parsed them. */
@Controller()
export class RecordsController {
  constructor(@Inject(RecordsService) private readonly records: RecordsService) {}

  @MessagePattern(CancelRecords.subject)
  cancel(
    @Payload() request: Envelope<RequestOf<typeof CancelRecords>>,
  ): Promise<ReplyOf<typeof CancelRecords>> {
    return this.records.cancel(childOf(request), request.data);
  }

  @MessagePattern(AddRecord.subject)
  add(@Payload() request: Envelope<RequestOf<typeof AddRecord>>): Promise<ReplyOf<typeof AddRecord>> {
    return this.records.add(request.tenant, request.data);
  }
}
