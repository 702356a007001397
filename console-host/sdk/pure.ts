/**
 * The pure parts of the published SDK package, re-exported as they are (console-runtime.md §4):
 * extension type guards and enums, common enums, k8s-ref helpers, status components, modal support.
 */
export * from '@openshift-console/dynamic-plugin-sdk/lib/extensions';
export * from '@openshift-console/dynamic-plugin-sdk/lib/api/common-types';
export { isAllNamespacesKey } from '@openshift-console/dynamic-plugin-sdk/lib/api/utils';
export {
  getAPIVersionForModel,
  getGroupVersionKindForModel,
  getGroupVersionKindForResource,
} from '@openshift-console/dynamic-plugin-sdk/lib/utils/k8s/k8s-ref';
export { HttpError } from '@openshift-console/dynamic-plugin-sdk/lib/utils/error/http-error';
export { default as ListPageBody } from '@openshift-console/dynamic-plugin-sdk/lib/app/components/factory/ListPage/ListPageBody';
export { default as CamelCaseWrap } from '@openshift-console/dynamic-plugin-sdk/lib/app/components/utils/camel-case-wrap';
export { default as ResourceStatus } from '@openshift-console/dynamic-plugin-sdk/lib/app/components/utils/resource-status';
export { default as GenericStatus } from '@openshift-console/dynamic-plugin-sdk/lib/app/components/status/GenericStatus';
export { default as PopoverStatus } from '@openshift-console/dynamic-plugin-sdk/lib/app/components/status/PopoverStatus';
export { default as StatusComponent } from '@openshift-console/dynamic-plugin-sdk/lib/app/components/status/Status';
export { default as StatusIconAndText } from '@openshift-console/dynamic-plugin-sdk/lib/app/components/status/StatusIconAndText';
export * from '@openshift-console/dynamic-plugin-sdk/lib/app/components/status/icons';
export * from '@openshift-console/dynamic-plugin-sdk/lib/app/components/status/statuses';
export { PerspectiveContext } from '@openshift-console/dynamic-plugin-sdk/lib/perspective/perspective-context';
export { ModalProvider } from '@openshift-console/dynamic-plugin-sdk/lib/app/modal-support/ModalProvider';
export { OverlayProvider } from '@openshift-console/dynamic-plugin-sdk/lib/app/modal-support/OverlayProvider';
export { useModal } from '@openshift-console/dynamic-plugin-sdk/lib/app/modal-support/useModal';
export { useOverlay } from '@openshift-console/dynamic-plugin-sdk/lib/app/modal-support/useOverlay';
