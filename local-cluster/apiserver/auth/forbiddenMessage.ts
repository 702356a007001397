/** The exact 403 wording kube-apiserver uses, because the console and kubectl show it verbatim. */
import type { UserInfo } from '../core/types';
import type { RequestAttributes } from './rbacTypes';

export const forbiddenMessage = (user: UserInfo, attrs: RequestAttributes): string => {
  if (!attrs.resourceRequest) {
    return `forbidden: User "${user.username}" cannot ${attrs.verb} path "${attrs.path}"`;
  }
  const resource = attrs.subresource ? `${attrs.resource}/${attrs.subresource}` : attrs.resource;
  const scope = attrs.namespace ? `in the namespace "${attrs.namespace}"` : 'at the cluster scope';
  const why = `User "${user.username}" cannot ${attrs.verb} resource "${resource}" in API group "${attrs.apiGroup}" ${scope}`;
  // Kube qualifies the subject by group-resource only, leaving the subresource to the reason.
  const qualified = attrs.apiGroup ? `${attrs.resource}.${attrs.apiGroup}` : attrs.resource;
  return attrs.name
    ? `${qualified} "${attrs.name}" is forbidden: ${why}`
    : `${qualified} is forbidden: ${why}`;
};
