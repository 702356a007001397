import { NamespaceModel, NodeModel } from './core';
import { VirtualMachineInstanceModel, VirtualMachineModel } from './kubevirt';
import { modelToGroupVersionKind } from './modelUtils';

/** Group/version/kind of the models that watches and resource links name most often. */
export const VM_GVK = modelToGroupVersionKind(VirtualMachineModel);
export const VMI_GVK = modelToGroupVersionKind(VirtualMachineInstanceModel);
export const NAMESPACE_GVK = modelToGroupVersionKind(NamespaceModel);
export const NODE_GVK = modelToGroupVersionKind(NodeModel);
