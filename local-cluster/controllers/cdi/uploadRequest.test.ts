import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  MultipartFileReader,
  bearerToken,
  multipartBoundary,
  parseUploadPath,
} from './uploadRequest';

describe('upload proxy paths', () => {
  it.each([
    ['/v1beta1/upload', { version: 'v1beta1', form: false, async: false }],
    ['/v1beta1/upload-async', { version: 'v1beta1', form: false, async: true }],
    ['/v1beta1/upload-form', { version: 'v1beta1', form: true, async: false }],
    ['/v1beta1/upload-form-async', { version: 'v1beta1', form: true, async: true }],
    ['/v1alpha1/upload', { version: 'v1alpha1', form: false, async: false }],
  ])('%s', (path, route) => expect(parseUploadPath(path)).toEqual(route));

  it.each(['/v1beta1/uploads', '/api/v1/upload', '/v1beta1/upload/x', '/healthz'])(
    'ignores %s',
    (path) => expect(parseUploadPath(path)).toBeUndefined(),
  );
});

describe('request headers', () => {
  it.each([
    ['Bearer abc.def.ghi', 'abc.def.ghi'],
    ['bearer   abc-_~+/=', 'abc-_~+/='],
    ['Basic dXNlcjpwYXNz', undefined],
    ['Bearer', undefined],
    [undefined, undefined],
  ])('bearer token of %s', (header, token) => expect(bearerToken(header)).toBe(token));

  it.each([
    ['multipart/form-data; boundary=----abc', '----abc'],
    ['multipart/form-data; boundary="quoted value"', 'quoted value'],
    ['application/octet-stream', undefined],
  ])('boundary of %s', (ct, b) => expect(multipartBoundary(ct)).toBe(b));
});

const formBody = (boundary: string, file: Buffer): Buffer =>
  Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nhello\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="disk.img"\r\n` +
        'Content-Type: application/octet-stream\r\n\r\n',
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);

const readAll = (
  boundary: string,
  chunks: Buffer[],
): { file: Buffer; reader: MultipartFileReader } => {
  const reader = new MultipartFileReader(boundary);
  const parts: Buffer[] = [];
  for (const c of chunks) parts.push(...reader.push(c));
  return { file: Buffer.concat(parts), reader };
};

describe('MultipartFileReader', () => {
  const boundary = '----WebKitFormBoundary7MA4YWxkTrZu0gW';
  // The file contains CRLFs and a near-boundary to prove only the real delimiter ends it.
  const file = Buffer.concat([
    randomBytes(3000),
    Buffer.from(`\r\n--${boundary.slice(0, -1)}x`),
    randomBytes(500),
  ]);
  const body = formBody(boundary, file);

  it('extracts the file part from one chunk', () => {
    const { file: got, reader } = readAll(boundary, [body]);
    expect(got.equals(file)).toBe(true);
    expect(reader.finished).toBe(true);
    expect(reader.foundFile).toBe(true);
  });

  it('extracts it whatever the chunk boundaries', () => {
    for (const size of [1, 2, 7, 41, 64, 1000]) {
      const chunks: Buffer[] = [];
      for (let i = 0; i < body.length; i += size) chunks.push(body.subarray(i, i + size));
      const { file: got, reader } = readAll(boundary, chunks);
      expect(got.equals(file), `chunk size ${size}`).toBe(true);
      expect(reader.finished).toBe(true);
    }
  });

  it('reports a body without a file part', () => {
    const { file: got, reader } = readAll(boundary, [
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="x"\r\n\r\ny\r\n--${boundary}--`,
      ),
    ]);
    expect(got.length).toBe(0);
    expect(reader.foundFile).toBe(false);
  });
});
