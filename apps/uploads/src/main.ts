import { createApp } from '@decorumjs/decorum';
import { UploadsController } from './uploads.js';

/** The demo refuses files past 5 MiB (the default is 10 MiB), so the 413 is easy to see. */
export const MAX_FILE_SIZE = 5 * 1024 * 1024;

export const app = createApp({
  title: 'Uploads',
  version: '1.0.0',
  description: 'File uploads: multipart/form-data with form fields beside the files. Files larger than 5 MiB are refused with a 413.',
  multipart: { fileSize: MAX_FILE_SIZE },
  controllers: [UploadsController],
});
