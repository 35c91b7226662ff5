import { Module } from '@nestjs/common';
import { DialingModule } from './dialing/dialing.module';
import { RecordImportsModule } from './imports/record-imports.module';
import { RecordsModule } from './records/records.module';

/** The service's own features; the platform (database, bus, health, shutdown) comes from runService. */
@Module({ imports: [DialingModule, RecordsModule, RecordImportsModule] })
export class AppModule {}
