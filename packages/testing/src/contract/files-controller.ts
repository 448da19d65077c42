/**
 * File responses for the contract's files cases: the fixtures live in a temporary folder the case makes,
 * named here before the app starts.
 */
import { join } from 'node:path';
import { Controller, FileResponse, Get, Param } from '@decorumjs/core';

/** Where the files cases put their fixtures. */
export const filesFixture = { dir: '' };

@Controller('files')
export class FilesController {
  @Get('plain/:name')
  plain(@Param('name', { type: String }) name: string): FileResponse {
    return new FileResponse(join(filesFixture.dir, name));
  }

  @Get('download/:name')
  download(@Param('name', { type: String }) name: string): FileResponse {
    return new FileResponse(join(filesFixture.dir, name), { filename: 'Rapport été €.txt' });
  }

  @Get('inline')
  inline(): FileResponse {
    return new FileResponse(join(filesFixture.dir, 'hello.txt'), { disposition: 'inline', contentType: 'text/plain; charset=utf-8' });
  }
}
