/**
 * Parsing of requests to CDI's upload proxy: which endpoint, the bearer token, and the file part of
 * a multipart form, read as a stream so an image of any size passes through in constant memory.
 */

export interface UploadRoute {
  version: 'v1alpha1' | 'v1beta1';
  /** `upload-form*`: a multipart/form-data body whose `file` part is the image. */
  form: boolean;
  /** `*-async`: answer once the bytes are in, without waiting for processing to finish. */
  async: boolean;
}

const UPLOAD_PATH = /^\/(v1alpha1|v1beta1)\/upload(-form)?(-async)?\/?$/;

export const parseUploadPath = (pathname: string): UploadRoute | undefined => {
  const m = UPLOAD_PATH.exec(pathname);
  if (!m) return undefined;
  return { version: m[1] as UploadRoute['version'], form: Boolean(m[2]), async: Boolean(m[3]) };
};

// The proxy's own pattern: `Bearer` and a token of JWT characters.
const BEARER = /^Bearer\s+([A-Za-z0-9\-._~+/]+=*)$/i;

export const bearerToken = (header: string | undefined): string | undefined =>
  header ? BEARER.exec(header.trim())?.[1] : undefined;

export const multipartBoundary = (contentType: string | undefined): string | undefined => {
  if (!contentType || !/^multipart\/form-data/i.test(contentType)) return undefined;
  const m = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return m ? (m[1] ?? m[2]) : undefined;
};

const CRLF = Buffer.from('\r\n');
const HEADER_END = Buffer.from('\r\n\r\n');

type State = 'preamble' | 'headers' | 'body' | 'done';

/**
 * Extracts the `file` part (or, failing that, the first part carrying a filename) of a multipart
 * body fed in arbitrary chunks. `push` returns the file's bytes found in the chunk.
 */
export class MultipartFileReader {
  private readonly delimiter: Buffer;
  private state: State = 'preamble';
  private buffer = Buffer.alloc(0);
  private inFile = false;
  private fileSeen = false;
  error?: string;

  constructor(boundary: string) {
    this.delimiter = Buffer.from(`\r\n--${boundary}`);
  }

  get finished(): boolean {
    return this.state === 'done';
  }

  /** True once a file part has been found (its bytes may still be coming). */
  get foundFile(): boolean {
    return this.fileSeen;
  }

  push(chunk: Buffer): Buffer[] {
    // The body starts with the boundary line itself, without the CRLF before it; treat the stream
    // as if it began with one so every boundary looks alike.
    this.buffer =
      this.state === 'preamble' && !this.buffer.length
        ? Buffer.concat([CRLF, chunk])
        : Buffer.concat([this.buffer, chunk]);
    const out: Buffer[] = [];
    for (;;) {
      if (this.state === 'done' || this.error) return out;
      if (this.state === 'preamble') {
        const i = this.buffer.indexOf(this.delimiter);
        if (i < 0) {
          this.keepTail(this.delimiter.length - 1);
          return out;
        }
        this.buffer = this.buffer.subarray(i + this.delimiter.length);
        this.state = 'headers';
        continue;
      }
      if (this.state === 'headers') {
        // Right after a delimiter: `--` ends the body, CRLF starts a part's headers.
        if (this.buffer.length < 2) return out;
        if (this.buffer[0] === 0x2d && this.buffer[1] === 0x2d) {
          this.state = 'done';
          return out;
        }
        const end = this.buffer.indexOf(HEADER_END);
        if (end < 0) {
          if (this.buffer.length > 16 * 1024) this.error = 'multipart part headers too long';
          return out;
        }
        const headers = this.buffer.subarray(0, end).toString('utf8');
        this.buffer = this.buffer.subarray(end + HEADER_END.length);
        const disposition = /content-disposition:[^\r\n]*/i.exec(headers)?.[0] ?? '';
        const name = /\bname="([^"]*)"/i.exec(disposition)?.[1];
        const hasFilename = /\bfilename="/i.test(disposition);
        this.inFile = !this.fileSeen && (name === 'file' || hasFilename);
        if (this.inFile) this.fileSeen = true;
        this.state = 'body';
        continue;
      }
      // body: everything up to the next delimiter belongs to this part.
      const i = this.buffer.indexOf(this.delimiter);
      if (i < 0) {
        const safe = Math.max(0, this.buffer.length - (this.delimiter.length - 1));
        if (this.inFile && safe > 0) out.push(this.buffer.subarray(0, safe));
        this.buffer = this.buffer.subarray(safe);
        return out;
      }
      if (this.inFile && i > 0) out.push(this.buffer.subarray(0, i));
      this.buffer = this.buffer.subarray(i + this.delimiter.length);
      this.inFile = false;
      this.state = 'headers';
    }
  }

  private keepTail(n: number): void {
    if (this.buffer.length > n) this.buffer = this.buffer.subarray(this.buffer.length - n);
  }
}
