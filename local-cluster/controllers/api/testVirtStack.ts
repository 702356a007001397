import { GuestManager } from '../../guests/guestManager';
import type { GuestManagerOptions } from '../../guests/guestManager';
import { startVirtHandler } from '../handler';
import { NS, scratchDir } from '../handler/testVmis';
import type { TestCluster } from '../runtime/testCluster';
import { startTestCluster } from '../runtime/testCluster';
import { startVirtApi } from './index';

/** Test helpers for virt-api: a test cluster with virt-handler and virt-api (no test of its own). */

export interface VirtStack {
  t: TestCluster;
  guests: GuestManager;
  close(): Promise<void>;
}

/** A test cluster running virt-handler (built-in guests unless told otherwise) and virt-api. */
export const startVirtStack = async (
  guestOptions: Partial<GuestManagerOptions> = {},
  clusterOptions: { timeScale?: number } = {},
): Promise<VirtStack> => {
  const t = await startTestCluster(clusterOptions);
  const scratch = scratchDir();
  const guests = new GuestManager({
    workDir: scratch.dir,
    qemuBinary: null,
    bootDelayMs: 30,
    ...guestOptions,
  });
  await t.start(async (runtime) => {
    const handler = startVirtHandler(runtime, guests);
    const api = startVirtApi(runtime, handler.node);
    return {
      stop: async () => {
        await api.stop();
        await handler.stop();
      },
    };
  });
  return {
    t,
    guests,
    close: async () => {
      await t.close();
      await guests.closeAll();
      scratch.remove();
    },
  };
};

export interface SubresourceResponse {
  status: number;
  contentType: string;
  bytes: Buffer;
  text: string;
  /** The body parsed as JSON, when it is JSON. */
  json: Record<string, unknown> | undefined;
}

export const subresourcePath = (
  kind: 'virtualmachines' | 'virtualmachineinstances',
  name: string,
  subresource: string,
  namespace = NS,
): string =>
  `/apis/subresources.kubevirt.io/v1/namespaces/${namespace}/${kind}/${name}/${subresource}`;

/** Calls a subresource over HTTP as `user`, like `virtctl` or the console would. */
export const callSubresource = async (
  t: TestCluster,
  request: {
    method?: 'GET' | 'PUT' | 'POST';
    kind: 'virtualmachines' | 'virtualmachineinstances';
    name: string;
    subresource: string;
    body?: unknown;
    user?: string;
    namespace?: string;
  },
): Promise<SubresourceResponse> => {
  const { method = 'PUT', kind, name, subresource, body, user = 'admin', namespace } = request;
  const res = await fetch(
    `${t.cluster.url}${subresourcePath(kind, name, subresource, namespace)}`,
    {
      method,
      headers: {
        Authorization: `Bearer ${t.cluster.tokenOf(user)}`,
        ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    },
  );
  const bytes = Buffer.from(await res.arrayBuffer());
  const text = bytes.toString('utf8');
  let json: Record<string, unknown> | undefined;
  try {
    json = text ? (JSON.parse(text) as Record<string, unknown>) : undefined;
  } catch {
    json = undefined;
  }
  return {
    status: res.status,
    contentType: res.headers.get('content-type') ?? '',
    bytes,
    text,
    json,
  };
};
