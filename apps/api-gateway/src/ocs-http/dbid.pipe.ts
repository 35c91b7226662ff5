import { Injectable, type PipeTransform } from '@nestjs/common';
import { MAX_DBID } from '@ocs/contracts';
import { CommDnError } from './comm-dn';
import { OcsHttpError } from './ocs-http.error';

/** A configuration DBID in a resource path: a positive integer, else 400 Bad Request. */
@Injectable()
export class DbidPipe implements PipeTransform<string, number> {
  transform(value: string): number {
    const dbid = /^[1-9][0-9]{0,9}$/.test(value) ? Number(value) : NaN;
    if (!(dbid <= MAX_DBID)) {
      throw new OcsHttpError(
        400,
        'A campaign group DBID must be a positive integer',
        CommDnError.InvalidParameter,
      );
    }
    return dbid;
  }
}
