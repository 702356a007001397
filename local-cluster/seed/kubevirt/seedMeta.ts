/**
 * Names and versions shared by the KubeVirt seed content: what an OpenShift Virtualization 4.22
 * cluster, installed a little while ago, shows for its operator-managed content.
 */

/** The HyperConverged operator's version, as in 03-virtualization.yaml. */
export const HCO_VERSION = '4.22.0';
/** kubevirt/common-templates release shipped with it. */
export const COMMON_TEMPLATES_VERSION = 'v0.34.1';
/** kubevirt/common-instancetypes release shipped with it. */
export const COMMON_INSTANCETYPES_VERSION = 'v1.4.0';

export const TEMPLATES_NAMESPACE = 'openshift';
export const OS_IMAGES_NAMESPACE = 'openshift-virtualization-os-images';
export const DEMO_NAMESPACE = 'demo-apps';
export const DEVELOPER_NAMESPACE = 'demo-dev';

/** When the cluster was installed (03-virtualization.yaml's condition times). */
export const INSTALL_TIME = '2026-11-02T08:10:00Z';

/** Labels SSP puts on everything it deploys for HCO. */
export const sspLabels = (name: string): Record<string, string> => ({
  'app.kubernetes.io/component': 'templating',
  'app.kubernetes.io/managed-by': 'ssp-operator',
  'app.kubernetes.io/name': name,
  'app.kubernetes.io/part-of': 'hyperconverged-cluster',
  'app.kubernetes.io/version': HCO_VERSION,
});

/** Labels virt-operator puts on the common instance types and preferences it deploys. */
export const virtOperatorLabels = (): Record<string, string> => ({
  'app.kubernetes.io/component': 'kubevirt',
  'app.kubernetes.io/managed-by': 'virt-operator',
});
