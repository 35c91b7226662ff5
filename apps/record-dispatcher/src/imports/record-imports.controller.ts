import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AbortRecordImport,
  AppendRecordImportRows,
  BeginRecordImport,
  CommitRecordImport,
  type Envelope,
  ListImportableCallingLists,
  type ReplyOf,
  type RequestOf,
} from '@ocs/contracts';
import { RecordImportsService } from './record-imports.service';

/** Calling-list imports, sent by the gateway as it reads a file (see BeginRecordImport). */
@Controller()
export class RecordImportsController {
  constructor(@Inject(RecordImportsService) private readonly imports: RecordImportsService) {}

  @MessagePattern(ListImportableCallingLists.subject)
  lists(
    @Payload() request: Envelope<RequestOf<typeof ListImportableCallingLists>>,
  ): Promise<ReplyOf<typeof ListImportableCallingLists>> {
    return this.imports.lists(request.tenant);
  }

  @MessagePattern(BeginRecordImport.subject)
  begin(
    @Payload() request: Envelope<RequestOf<typeof BeginRecordImport>>,
  ): Promise<ReplyOf<typeof BeginRecordImport>> {
    return this.imports.begin(request.tenant, request.data);
  }

  @MessagePattern(AppendRecordImportRows.subject)
  append(
    @Payload() request: Envelope<RequestOf<typeof AppendRecordImportRows>>,
  ): Promise<ReplyOf<typeof AppendRecordImportRows>> {
    return this.imports.append(request.tenant, request.data);
  }

  @MessagePattern(CommitRecordImport.subject)
  commit(
    @Payload() request: Envelope<RequestOf<typeof CommitRecordImport>>,
  ): Promise<ReplyOf<typeof CommitRecordImport>> {
    return this.imports.commit(request.tenant, request.data);
  }

  @MessagePattern(AbortRecordImport.subject)
  abort(
    @Payload() request: Envelope<RequestOf<typeof AbortRecordImport>>,
  ): Promise<ReplyOf<typeof AbortRecordImport>> {
    return this.imports.abort(request.tenant, request.data);
  }
}
