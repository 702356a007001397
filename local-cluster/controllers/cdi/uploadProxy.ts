import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RouteHandler } from '../../apiserver/http/serverContext';
import type { Informer } from '../runtime/informer';
import { keyOf } from '../runtime/resources';
import type { Timing } from '../runtime/timing';
import { ANN } from './cdiNames';
import type { Pvc } from './cdiTypes';
import {
  MultipartFileReader,
  bearerToken,
  multipartBoundary,
  parseUploadPath,
} from './uploadRequest';
import { verifyUploadToken } from './uploadToken';
import type { UploadTracker } from './uploadTracker';

/** How long the proxy waits for the upload server to become ready (CDI: 10 s, polling each second). */
const READY_WAIT_MS = 10_000;
const READY_POLL_MS = 1000;
/** How long a synchronous upload waits for processing to finish before answering. */
const PROCESSING_WAIT_MS = 60_000;
const REPORT_EVERY_MS = 250;

export interface UploadProxyDeps {
  key: Buffer;
  pvcs: Informer<Pvc>;
  uploads: UploadTracker;
  timing: Timing;
  log: (message: string) => void;
}

const sendText = (res: ServerResponse, code: number, text = ''): void => {
  if (res.headersSent) {
    res.end();
    return;
  }
  res.writeHead(code, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
};

/** Lets the console upload straight from the browser, as CDI's proxy route allows. */
const allowCors = (req: IncomingMessage, res: ServerResponse): void => {
  res.setHeader('Access-Control-Allow-Origin', req.headers.origin ?? '*');
  res.setHeader('Access-Control-Allow-Methods', 'POST, PUT, HEAD, OPTIONS');
  res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type');
  res.setHeader('Vary', 'Origin');
};

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * CDI's upload proxy (`cdi-uploadproxy`) on the API server's port: checks the upload token, waits
 * for the claim's upload server to be ready, then streams the image in (the raw body, or the `file`
 * part of a form), counting the bytes as the upload server would write them.
 */
export const uploadProxyRoute = (deps: UploadProxyDeps): RouteHandler => {
  const { pvcs, uploads, timing } = deps;

  /** Why the claim cannot take an upload now, or undefined once its upload server is ready. */
  const notReady = (
    namespace: string,
    name: string,
  ): { final: boolean; message: string } | undefined => {
    const pvc = pvcs.get(namespace, name);
    if (!pvc)
      return {
        final: false,
        message: `rejecting Upload Request for PVC ${name} that doesn't exist`,
      };
    const ann = pvc.metadata.annotations ?? {};
    if (ann[ANN.uploadTarget] === undefined)
      return { final: true, message: `PVC ${name} is not an upload target` };
    if (ann[ANN.podPhase] === 'Succeeded')
      return {
        final: true,
        message: `rejecting Upload Request for PVC ${name} that already finished uploading`,
      };
    return ann[ANN.podReady] === 'true'
      ? undefined
      : { final: false, message: 'timed out waiting for the condition' };
  };

  const waitReady = async (namespace: string, name: string): Promise<string | undefined> => {
    const deadline = Date.now() + timing.ms(READY_WAIT_MS);
    for (;;) {
      const why = notReady(namespace, name);
      if (!why) return undefined;
      if (why.final || Date.now() >= deadline) return why.message;
      await sleep(timing.ms(READY_POLL_MS));
    }
  };

  const waitProcessed = async (namespace: string, name: string): Promise<boolean> => {
    const deadline = Date.now() + timing.ms(PROCESSING_WAIT_MS);
    while (Date.now() < deadline) {
      if (pvcs.get(namespace, name)?.metadata.annotations?.[ANN.podPhase] === 'Succeeded')
        return true;
      await sleep(Math.min(50, timing.ms(READY_POLL_MS)));
    }
    return false;
  };

  return async (req, res, url) => {
    const route = parseUploadPath(url.pathname);
    if (!route) return false;
    allowCors(req, res);
    if (req.method === 'OPTIONS') {
      res.writeHead(204);
      res.end();
      return true;
    }
    if (req.method !== 'POST' && req.method !== 'PUT' && req.method !== 'HEAD') {
      req.resume();
      sendText(res, 405, 'method not allowed');
      return true;
    }
    const token = bearerToken(req.headers.authorization);
    if (!token) {
      req.resume();
      sendText(
        res,
        400,
        'missing or malformed Authorization header (expected "Bearer <upload token>")',
      );
      return true;
    }
    const check = verifyUploadToken(deps.key, token, Math.floor(Date.now() / 1000));
    if (!check.ok) {
      req.resume();
      sendText(res, 401, `invalid upload token: ${check.reason}`);
      return true;
    }
    // virtctl probes `upload-async` with HEAD and falls back to the sync path on 404.
    if (req.method === 'HEAD') {
      res.writeHead(200);
      res.end();
      return true;
    }
    const { namespace, name } = check.payload;
    const key = keyOf(namespace, name);
    const refusal = await waitReady(namespace, name);
    if (refusal) {
      req.resume();
      sendText(res, 503, refusal);
      return true;
    }
    const boundary = route.form ? multipartBoundary(req.headers['content-type']) : undefined;
    if (route.form && !boundary) {
      req.resume();
      sendText(res, 400, 'expected a multipart/form-data body with a boundary');
      return true;
    }
    const length = Number(req.headers['content-length']);
    if (!uploads.begin(key, Number.isFinite(length) && length > 0 ? length : undefined)) {
      req.resume();
      sendText(res, 503, 'upload in progress');
      return true;
    }
    const form = boundary ? new MultipartFileReader(boundary) : undefined;
    let bytes = 0;
    let lastReport = Date.now();
    try {
      for await (const chunk of req as AsyncIterable<Buffer>) {
        const parts = form ? form.push(chunk) : [chunk];
        for (const p of parts) bytes += p.length;
        uploads.received(key, form ? parts.reduce((n, p) => n + p.length, 0) : chunk.length);
        if (Date.now() - lastReport >= REPORT_EVERY_MS) {
          lastReport = Date.now();
          uploads.report(key);
        }
        if (form?.error) break;
      }
    } catch (err) {
      uploads.abort(key);
      deps.log(`upload into ${key} aborted: ${String(err)}`);
      sendText(res, 500, 'Saving stream failed: unexpected EOF');
      return true;
    }
    if (form && (form.error || !form.foundFile || !form.finished)) {
      uploads.abort(key);
      sendText(res, 400, form.error ?? 'unable to find the file part in the multipart form');
      return true;
    }
    if (bytes === 0) {
      uploads.abort(key);
      sendText(res, 400, 'Saving stream failed: the uploaded image is empty');
      return true;
    }
    uploads.finish(key);
    if (!route.async && !(await waitProcessed(namespace, name))) {
      sendText(res, 500, 'Saving stream failed: timed out waiting for processing');
      return true;
    }
    sendText(res, 200);
    return true;
  };
};
