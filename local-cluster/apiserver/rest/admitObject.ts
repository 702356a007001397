import { badRequest, invalid } from '../core/statusError';
import type { KubeObject } from '../core/types';
import type { ResourceKind } from '../registry/resourceKind';
import { pruneUnknownFields } from '../validation/pruneUnknownFields';
import type { JSONSchemaProps } from '../validation/schemaStore';
import { semanticCauses } from '../validation/semanticRules';
import { validateAgainstSchema } from '../validation/validateAgainstSchema';
import type { FieldValidation } from './requestContext';

/**
 * Decides whether an object may be stored, the way kube-apiserver does for a structural schema:
 * unknown fields are pruned (or rejected with fieldValidation=Strict, or reported as warnings with
 * Warn), then the schema and the semantic rules run; any failure is a 422 listing every cause.
 */
export const admitObject = (
  kind: ResourceKind,
  schema: JSONSchemaProps | undefined,
  obj: KubeObject,
  isCreate: boolean,
  fieldValidation: FieldValidation,
  warnings: string[],
): KubeObject => {
  let admitted = obj;
  if (schema) {
    const { value, unknownFields } = pruneUnknownFields(schema, obj);
    if (unknownFields.length) {
      if (fieldValidation === 'Strict') {
        throw badRequest(
          `${kind.kind} in version "${kind.version}" cannot be handled as a ${kind.kind}: strict decoding error: ${unknownFields
            .map((f) => `unknown field "${f}"`)
            .join(', ')}`,
        );
      }
      if (fieldValidation === 'Warn')
        warnings.push(...unknownFields.map((f) => `unknown field "${f}"`));
    }
    admitted = value as KubeObject;
  }
  // Built-in kinds' status is decoded by Go structs in kube, where a field the OpenAPI document
  // lists as required (a node's kubeProxyVersion) may still be left out by the component that writes it.
  const schemaCauses = schema ? validateAgainstSchema(schema, admitted) : [];
  const relevant =
    kind.source === 'builtin'
      ? schemaCauses.filter(
          (c) => !(c.reason === 'FieldValueRequired' && c.field?.startsWith('status.')),
        )
      : schemaCauses;
  const causes = [...relevant, ...semanticCauses(kind, admitted, isCreate)];
  if (causes.length) {
    throw invalid(
      kind.kind,
      kind.group,
      admitted.metadata?.name ?? admitted.metadata?.generateName ?? '',
      causes,
    );
  }
  return admitted;
};
