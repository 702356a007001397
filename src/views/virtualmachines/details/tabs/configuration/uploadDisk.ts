import type { TFunction } from 'i18next';
import {
  k8sCreate,
  k8sDelete,
  k8sGet,
  type K8sResourceCommon,
} from '@openshift-console/dynamic-plugin-sdk';
import {
  CDIConfigModel,
  DataVolumeModel,
  UploadTokenRequestModel,
  VirtualMachineModel,
} from '../../../../../models';
import type { VirtualMachine } from '../../../../../models/types';
import { uploadEndpoint, uploadPhase } from '../../../../../utils/uploadProxy';
import {
  addDisk,
  dataVolumeName,
  removeDisk,
  type DiskForm,
} from '../../../../../utils/vmSpec/disks';
import { hotplugDisk, unplugDisk } from './hotplugDisk';
import { patchVM } from './patchVM';

/** Where an upload is: the disk being added, CDI starting its upload server, the bytes going out. */
export type UploadProgress =
  | { step: 'preparing' }
  | { step: 'waiting' }
  | { step: 'uploading'; loaded: number; total: number };

/** CDI starts the upload server in a pod; a busy cluster may take minutes to schedule it. */
const READY_TIMEOUT_MS = 5 * 60_000;
const READY_POLL_MS = 1000;

type DataVolume = K8sResourceCommon & { status?: { phase?: string } };
type UploadToken = K8sResourceCommon & { spec?: { pvcName: string }; status?: { token?: string } };
type CDIConfig = K8sResourceCommon & { status?: { uploadProxyURL?: string } };

const abortError = () => new DOMException('The upload was canceled.', 'AbortError');

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal.aborted) {
      reject(abortError());
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError());
    };
    // Each poll's listener goes with its wait, so a long wait does not pile them up.
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });

const waitUploadReady = async (
  namespace: string,
  name: string,
  signal: AbortSignal,
  t: TFunction,
): Promise<void> => {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    const dv = await k8sGet<DataVolume>({ model: DataVolumeModel, name, ns: namespace }).catch(
      // The VM controller creates a template's DataVolume shortly after the VM changes.
      (e: { code?: number }) => (e?.code === 404 ? undefined : Promise.reject(e)),
    );
    const phase = uploadPhase(dv?.status?.phase);
    if (phase === 'ready') return;
    if (phase === 'failed')
      throw new Error(
        t('DataVolume {{name}} cannot take an upload (phase {{phase}}).', {
          name,
          phase: dv?.status?.phase,
        }),
      );
    if (Date.now() > deadline)
      throw new Error(
        t('The upload server for DataVolume {{name}} did not start within 5 minutes.', { name }),
      );
    await sleep(READY_POLL_MS, signal);
  }
};

/**
 * Sends the file as CDI's upload form. XMLHttpRequest, not fetch: only it reports upload progress.
 * The proxy is CDI's own endpoint (not a Kubernetes API path), authorized by the upload token.
 */
const sendFile = (
  url: string,
  token: string,
  file: File,
  onProgress: (loaded: number, total: number) => void,
  signal: AbortSignal,
  t: TFunction,
): Promise<void> =>
  new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(abortError());
      return;
    }
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onload = () =>
      xhr.status >= 200 && xhr.status < 300
        ? resolve()
        : reject(
            new Error(
              t('The upload proxy refused the image ({{status}}): {{message}}', {
                status: xhr.status,
                message: xhr.responseText.trim() || xhr.statusText,
              }),
            ),
          );
    xhr.onerror = () =>
      reject(new Error(t('The upload proxy at {{url}} cannot be reached.', { url })));
    xhr.onabort = () => reject(abortError());
    signal.addEventListener('abort', () => xhr.abort(), { once: true });
    const body = new FormData();
    body.append('file', file);
    xhr.send(body);
  });

/** Takes a canceled or failed upload's disk off the VM again and deletes its DataVolume. */
const undo = async (vm: VirtualMachine, form: DiskForm, hotplug: boolean): Promise<void> => {
  const namespace = vm.metadata?.namespace ?? '';
  if (hotplug) await unplugDisk(vm, form.name).catch(() => undefined);
  else {
    const latest = await k8sGet<VirtualMachine>({
      model: VirtualMachineModel,
      name: vm.metadata?.name,
      ns: namespace,
    });
    await patchVM(latest, removeDisk(form.name));
  }
  await k8sDelete({
    model: DataVolumeModel,
    resource: { metadata: { name: dataVolumeName(vm.metadata?.name ?? '', form.name), namespace } },
  }).catch(() => undefined);
};

/**
 * Adds a disk whose image the user uploads from the browser: the disk with an upload DataVolume
 * (a template of a stopped VM, or created and hot-plugged into a running one), then, once CDI's
 * upload server is ready, the file through the upload proxy with a token for that claim. Resolves
 * when the bytes are in; CDI converts the image after that (the Diagnostics tab shows it).
 * A failed or canceled upload removes the disk and the DataVolume, so the dialog can try again.
 */
export const uploadDisk = async (
  vm: VirtualMachine,
  form: DiskForm,
  file: File,
  hotplug: boolean,
  onProgress: (progress: UploadProgress) => void,
  signal: AbortSignal,
  t: TFunction,
): Promise<void> => {
  const namespace = vm.metadata?.namespace ?? '';
  const name = dataVolumeName(vm.metadata?.name ?? '', form.name);
  onProgress({ step: 'preparing' });
  await (hotplug ? hotplugDisk(vm, form) : patchVM(vm, addDisk(form)));
  try {
    onProgress({ step: 'waiting' });
    await waitUploadReady(namespace, name, signal, t);
    const [request, config] = await Promise.all([
      k8sCreate<UploadToken>({
        model: UploadTokenRequestModel,
        data: {
          apiVersion: 'upload.cdi.kubevirt.io/v1beta1',
          kind: 'UploadTokenRequest',
          metadata: { name, namespace },
          spec: { pvcName: name },
        },
      }),
      k8sGet<CDIConfig>({ model: CDIConfigModel, name: 'config' }),
    ]);
    const token = request.status?.token;
    const proxy = config.status?.uploadProxyURL;
    if (!token || !proxy) throw new Error(t('CDI gave no upload token or upload proxy address.'));
    onProgress({ step: 'uploading', loaded: 0, total: file.size });
    await sendFile(
      uploadEndpoint(proxy, window.location.protocol),
      token,
      file,
      (loaded, total) => onProgress({ step: 'uploading', loaded, total }),
      signal,
      t,
    );
  } catch (e) {
    await undo(vm, form, hotplug).catch(() => undefined);
    throw e;
  }
};
