import { generate } from 'selfsigned';
import type { ObjectStore } from '../storage/objectStore';

export interface ServingCertificate {
  cert: string;
  key: string;
}

/**
 * The TLS identity of the API server: a self-signed certificate for 127.0.0.1 and localhost,
 * made at the first start of a data dir and kept in it, so kubeconfigs stay valid. Kubernetes
 * clients (kubectl, client-go) send bearer tokens only over TLS, so the API must be served on it.
 */
export const servingCertificate = async (store: ObjectStore): Promise<ServingCertificate> => {
  const saved = store.getMeta('servingCertificate');
  if (saved) return JSON.parse(saved) as ServingCertificate;
  const notBeforeDate = new Date(Date.now() - 60_000);
  const notAfterDate = new Date(Date.now() + 10 * 365 * 86400_000);
  const pems = await generate([{ name: 'commonName', value: 'local-cluster-apiserver' }], {
    keyType: 'ec',
    curve: 'P-256',
    notBeforeDate,
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', digitalSignature: true, keyCertSign: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
          { type: 7, ip: '::1' },
        ],
      },
    ],
  });
  const cert = { cert: pems.cert, key: pems.private };
  store.setMeta('servingCertificate', JSON.stringify(cert));
  return cert;
};
