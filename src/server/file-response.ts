/** Downloads that write themselves: the response starts at once and the file streams into it. */
import { PassThrough, Readable, type Writable } from 'node:stream';
import type { Context } from 'hono';
import { contentDisposition } from './content-disposition.ts';
import type { AppEnv } from './context.ts';

/** A file that writes itself to a stream (an export, the rejected rows of an import). */
export interface StreamedFile {
  /** The name users see (Vietnamese); the header adds an ASCII fallback. */
  fileName: string;
  contentType: string;
  write(out: Writable): Promise<unknown>;
}

export function sendFile(c: Context<AppEnv>, file: StreamedFile) {
  const body = new PassThrough();
  // a failure after the first bytes can only cut the download short (the status is already sent)
  file.write(body).catch((err: unknown) => body.destroy(err as Error));
  return c.body(Readable.toWeb(body) as ReadableStream, 200, {
    'content-type': file.contentType,
    'content-disposition': contentDisposition(file.fileName),
  });
}
