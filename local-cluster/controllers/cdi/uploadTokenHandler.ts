import type { KubeObject } from '../../apiserver/core/types';
import { badRequest, methodNotAllowed } from '../../apiserver/core/statusError';
import { parseObjectBody } from '../../apiserver/http/resourceHandler';
import { readBodyBytes, sendJson } from '../../apiserver/http/respond';
import type { VirtualHandler } from '../../apiserver/http/virtualHandler';
import type { Informer } from '../runtime/informer';
import { ANN } from './cdiNames';
import type { Pvc } from './cdiTypes';
import { signUploadToken } from './uploadToken';

interface UploadTokenRequest extends KubeObject {
  spec?: { pvcName?: string };
}

/**
 * cdi-apiserver's `uploadtokenrequests` (group upload.cdi.kubevirt.io): the API server has already
 * checked that the user may create one in the namespace; this answers with a short-lived token for
 * the named claim, which must be an upload target.
 */
export const uploadTokenHandler =
  (key: Buffer, pvcs: Informer<Pvc>, nowSeconds: () => number): VirtualHandler =>
  async (_ctx, req, res, kind, path, _user, _q, verb) => {
    if (verb !== 'create')
      throw methodNotAllowed('only create is supported on uploadtokenrequests');
    const namespace = path.namespace;
    if (!namespace) throw badRequest('an UploadTokenRequest must be created in a namespace');
    const body = parseObjectBody(
      await readBodyBytes(req),
      req.headers['content-type'],
    ) as UploadTokenRequest;
    const pvcName = body.spec?.pvcName;
    if (!pvcName) throw badRequest('spec.pvcName: Required value');
    const pvc = pvcs.get(namespace, pvcName);
    if (!pvc) throw badRequest(`Rejecting Upload Request for PVC ${pvcName} that doesn't exist`);
    if (pvc.metadata.annotations?.[ANN.uploadTarget] === undefined)
      throw badRequest(`PVC ${pvcName} is not an upload target`);
    sendJson(res, 200, {
      apiVersion: `${kind.group}/${kind.version}`,
      kind: 'UploadTokenRequest',
      metadata: { ...body.metadata, namespace, creationTimestamp: null },
      spec: body.spec,
      status: { token: signUploadToken(key, { namespace, name: pvcName }, nowSeconds()) },
    });
  };
