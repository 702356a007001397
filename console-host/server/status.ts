import type { ServerResponse } from 'node:http';

/** A Kubernetes `Status` object, the error body every console client knows how to show. */
export interface Status {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Failure' | 'Success';
  message: string;
  reason: string;
  code: number;
}

export const statusBody = (code: number, reason: string, message: string): Status => ({
  kind: 'Status',
  apiVersion: 'v1',
  metadata: {},
  status: code < 400 ? 'Success' : 'Failure',
  message,
  reason,
  code,
});

export const sendJson = (
  res: ServerResponse,
  code: number,
  body: unknown,
  headers: Record<string, string> = {},
): void => {
  const text = JSON.stringify(body);
  res.writeHead(code, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(text);
};

export const sendStatus = (
  res: ServerResponse,
  code: number,
  reason: string,
  message: string,
): void => sendJson(res, code, statusBody(code, reason, message));

/** The same Status written straight onto a socket, for refused websocket upgrades. */
export const rawHttpStatus = (code: number, reason: string, message: string): string => {
  const text = JSON.stringify(statusBody(code, reason, message));
  return (
    `HTTP/1.1 ${code} ${reason}\r\nContent-Type: application/json\r\n` +
    `Content-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`
  );
};
