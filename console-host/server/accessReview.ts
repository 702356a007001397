import type { Agent, ServerResponse } from 'node:http';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { sendStatus } from './status';
import type { Upstream, UpstreamUser } from './upstream';
import { upstreamUrl } from './upstream';

/** What a SelfSubjectAccessReview asks about (no namespace: cluster-wide). */
export interface ResourceAttributes {
  verb: string;
  resource: string;
  group?: string;
  namespace?: string;
}

const postJson = (
  url: URL,
  agent: Agent,
  token: string,
  body: unknown,
): Promise<{ status: number; json: unknown }> =>
  new Promise((resolve, reject) => {
    const text = JSON.stringify(body);
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(url, {
      method: 'POST',
      agent,
      headers: {
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/json',
        Accept: 'application/json',
        'Content-Length': Buffer.byteLength(text),
      },
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        let json: unknown;
        try {
          json = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, json });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(text);
  });

/**
 * Whether the user may do what `attributes` says: a SelfSubjectAccessReview sent as that user, the
 * check kube-rbac-proxy makes in front of the console's Prometheus. Rejects when the cluster
 * cannot be reached.
 */
export const userCan = async (
  upstream: Upstream,
  agent: Agent,
  user: UpstreamUser,
  attributes: ResourceAttributes,
): Promise<boolean> => {
  const answer = await postJson(
    upstreamUrl(upstream.server, '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews'),
    agent,
    user.token,
    {
      apiVersion: 'authorization.k8s.io/v1',
      kind: 'SelfSubjectAccessReview',
      spec: { resourceAttributes: attributes },
    },
  );
  return (
    answer.status === 201 &&
    (answer.json as { status?: { allowed?: boolean } } | undefined)?.status?.allowed === true
  );
};

/**
 * Lets a request through as kube-rbac-proxy does: true when the user may do what `attributes`
 * says; otherwise false, with a 403 `Forbidden` Status saying `refusal` already sent (502 when the
 * review cannot be made).
 */
export const authorize = async (
  res: ServerResponse,
  upstream: Upstream,
  agent: Agent,
  user: UpstreamUser,
  attributes: ResourceAttributes,
  refusal: string,
): Promise<boolean> => {
  let allowed: boolean;
  try {
    allowed = await userCan(upstream, agent, user, attributes);
  } catch {
    sendStatus(res, 502, 'BadGateway', 'error trying to reach the cluster for an access review');
    return false;
  }
  if (!allowed) sendStatus(res, 403, 'Forbidden', refusal);
  return allowed;
};
