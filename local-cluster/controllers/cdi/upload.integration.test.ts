import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KubeObject } from '../../apiserver/core/types';
import type { ResourceRef } from '../runtime/resources';
import { CDI_CONFIG, DV, PVC } from '../runtime/resources';
import type { TestCluster } from '../runtime/testCluster';
import { eventually, startTestCluster } from '../runtime/testCluster';
import type { DataVolume, Pvc } from './cdiTypes';
import { startCdi } from './index';

const NS = 'demo-apps';
const TOKEN_REQUESTS: ResourceRef = {
  apiVersion: 'upload.cdi.kubevirt.io/v1beta1',
  kind: 'UploadTokenRequest',
  plural: 'uploadtokenrequests',
  namespaced: true,
};

describe('CDI upload', { timeout: 60_000 }, () => {
  let t: TestCluster;
  beforeAll(async () => {
    t = await startTestCluster();
    await t.start(startCdi);
  }, 60_000);
  afterAll(() => t.close());

  const uploadDv = async (name: string): Promise<void> => {
    await t.admin.create(DV, NS, {
      metadata: {
        name,
        namespace: NS,
        annotations: { 'cdi.kubevirt.io/storage.bind.immediate.requested': 'true' },
      },
      spec: { source: { upload: {} }, storage: { resources: { requests: { storage: '2Gi' } } } },
    });
    await eventually(
      () => t.admin.get<DataVolume>(DV, NS, name),
      (d) => d.status?.phase === 'UploadReady',
      15_000,
      'UploadReady',
    );
  };

  const tokenFor = async (pvcName: string): Promise<string> => {
    const answer = await t.admin.create<KubeObject & { status?: { token?: string } }>(
      TOKEN_REQUESTS,
      NS,
      {
        metadata: { name: `token-for-${pvcName}` },
        spec: { pvcName },
      },
    );
    expect(answer.kind).toBe('UploadTokenRequest');
    return answer.status?.token ?? '';
  };

  const post = (path: string, body: BodyInit, headers: Record<string, string>): Promise<Response> =>
    fetch(`${t.cluster.url}${path}`, { method: 'POST', body, headers });

  it('publishes the upload proxy in CDIConfig', async () => {
    const config = await eventually(
      () =>
        t.admin.find<KubeObject & { status?: Record<string, unknown> }>(
          CDI_CONFIG,
          undefined,
          'config',
        ),
      (c) => Boolean(c?.status?.uploadProxyURL),
      10_000,
      'CDIConfig status',
    );
    expect(config?.status).toMatchObject({
      uploadProxyURL: new URL(t.cluster.url).host,
      scratchSpaceStorageClass: 'standard-csi',
      filesystemOverhead: {
        global: '0.055',
        storageClass: { 'standard-csi': '0.055', 'shared-rwx': '0.055' },
      },
      defaultPodResourceRequirements: { limits: { cpu: '750m', memory: '600M' } },
    });
  });

  it('takes a 1 MiB image with a token, and refuses requests without a valid one', async () => {
    await uploadDv('uploaded');
    const image = randomBytes(1024 * 1024);
    const missing = await post('/v1beta1/upload', image, {
      'Content-Type': 'application/octet-stream',
    });
    expect(missing.status).toBe(400);
    const forged = await post('/v1beta1/upload', image, {
      Authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJmb28iOiJiYXIifQ.c2lnbmF0dXJl',
    });
    expect(forged.status).toBe(401);
    expect(await forged.text()).toContain('invalid upload token');

    const token = await tokenFor('uploaded');
    // virtctl's probe for the async endpoint.
    const probe = await fetch(`${t.cluster.url}/v1beta1/upload-async`, {
      method: 'HEAD',
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(probe.status).toBe(200);
    const ok = await post('/v1beta1/upload', image, {
      Authorization: `Bearer ${token}`,
      'Content-Type': 'application/octet-stream',
    });
    expect(ok.status).toBe(200);
    const dv = await eventually(
      () => t.admin.get<DataVolume>(DV, NS, 'uploaded'),
      (d) => d.status?.phase === 'Succeeded',
      10_000,
      'upload to succeed',
    );
    expect(dv.status?.progress).toBe('100.0%');
    const pvc = await t.admin.get<Pvc>(PVC, NS, 'uploaded');
    expect(pvc.metadata.annotations).toMatchObject({
      'cdi.kubevirt.io/storage.upload.target': '',
      'cdi.kubevirt.io/storage.pod.phase': 'Succeeded',
    });
    const again = await post('/v1beta1/upload', image, { Authorization: `Bearer ${token}` });
    expect(again.status).toBe(503);
    expect(await again.text()).toContain('already finished uploading');
  });

  it('takes the file part of a form upload (upload-form-async)', async () => {
    await uploadDv('form-uploaded');
    const token = await tokenFor('form-uploaded');
    const form = new FormData();
    form.append('note', 'not the image');
    form.append('file', new Blob([randomBytes(300_000)]), 'disk.img');
    const res = await post('/v1beta1/upload-form-async', form, {
      Authorization: `Bearer ${token}`,
    });
    expect(res.status).toBe(200);
    await eventually(
      () => t.admin.get<DataVolume>(DV, NS, 'form-uploaded'),
      (d) => d.status?.phase === 'Succeeded',
      10_000,
      'form upload to succeed',
    );
  });

  it('refuses tokens for claims that are not upload targets', async () => {
    const err = await t.admin
      .create(TOKEN_REQUESTS, NS, { metadata: { name: 'x' }, spec: { pvcName: 'no-such-claim' } })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 400 });
  });
});
