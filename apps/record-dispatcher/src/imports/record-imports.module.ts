import { Module } from '@nestjs/common';
import { PG_POOL } from '@ocs/service-kit';
import type { Pool } from 'pg';
import { RecordImportStore } from './record-import-store';
import { RecordImportsController } from './record-imports.controller';
import { RecordImportsService } from './record-imports.service';

/** Calling-list imports: record-dispatcher owns records, so it checks and writes imported rows. */
@Module({
  controllers: [RecordImportsController],
  providers: [
    {
      provide: RecordImportsService,
      useFactory: (pool: Pool) => new RecordImportsService(new RecordImportStore(pool)),
      inject: [PG_POOL],
    },
  ],
})
export class RecordImportsModule {}
