/**
 * The uploads example's routes: one file with a form field beside it, and several files under one name.
 * The handlers only read what Decorum already measured; a real app would `moveTo()` or stream them.
 */
import { Controller, File, Form, Post, UploadFile } from '@decorumjs/decorum';

@Controller()
export class UploadsController {
  /** One required file and the user it belongs to. */
  @Post('avatars')
  avatar(@Form('username') username: string, @File('avatar') avatar: UploadFile) {
    return { username, filename: avatar.filename, contentType: avatar.contentType, size: avatar.size };
  }

  /** Every file sent as `files` (at least one), with an optional note. */
  @Post('documents')
  documents(@File('files') files: UploadFile[], @Form('note', { optional: true }) note?: string) {
    return {
      note: note ?? null,
      filenames: files.map((file) => file.filename),
      totalSize: files.reduce((total, file) => total + file.size, 0),
    };
  }
}
