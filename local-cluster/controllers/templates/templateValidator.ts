import { StatusError } from '../../apiserver/core/statusError';
import type { KubeObject, StatusCause } from '../../apiserver/core/types';
import { causesOf, evaluateRules, warningsOf } from './evaluateRules';
import type { ValidationRule } from './validationRules';
import { RuleParseError, parseValidationRules } from './validationRules';

/**
 * SSP's template validator, the validating webhook that checks a VirtualMachine created from a
 * common template against that template's rules (minimum memory, allowed disk buses, ...). Pure:
 * the caller looks the parent template up and turns the result into the API response.
 */

export const TEMPLATE_NAME_KEY = 'vm.kubevirt.io/template';
export const TEMPLATE_NAMESPACE_KEY = 'vm.kubevirt.io/template.namespace';
/** Written by older UIs; SSP still reads it. */
const TEMPLATE_NAMESPACE_OLD_KEY = 'vm.kubevirt.io/template-namespace';
/** Rules a VM carries itself; they replace the template's. */
export const VM_VALIDATIONS_ANNOTATION = 'vm.kubevirt.io/validations';
/** Troubleshooting escape hatch: a VM with this annotation is never validated. */
export const SKIP_VALIDATIONS_ANNOTATION = 'vm.kubevirt.io/skip-validations';
export const TEMPLATE_VALIDATIONS_ANNOTATION = 'validations';
/** The webhook's name, as kube-apiserver quotes it in a denial. */
export const TEMPLATE_VALIDATOR_WEBHOOK = 'virt-template-admission.kubevirt.io';

export interface TemplateRef {
  namespace: string;
  name: string;
}

export interface TemplateValidationResult {
  /** Whether the VM may be stored. */
  allowed: boolean;
  /** Why not: one FieldValueInvalid cause per failed rule, field = the rule's path. */
  causes: StatusCause[];
  /** Unsatisfied `justWarning` rules (SSP logs them; a server may send them as warnings). */
  warnings: string[];
}

const refFrom = (map: Record<string, string> | undefined): TemplateRef | undefined => {
  const namespace = map?.[TEMPLATE_NAMESPACE_KEY] || map?.[TEMPLATE_NAMESPACE_OLD_KEY];
  const name = map?.[TEMPLATE_NAME_KEY];
  return namespace && name ? { namespace, name } : undefined;
};

/** The template a VM says it came from: labels first, then annotations, as SSP looks them up. */
export const parentTemplateOf = (vm: KubeObject): TemplateRef | undefined =>
  refFrom(vm.metadata.labels) ?? refFrom(vm.metadata.annotations);

const skipsValidation = (vm: KubeObject): boolean =>
  vm.metadata.deletionTimestamp !== undefined ||
  vm.metadata.annotations?.[SKIP_VALIDATIONS_ANNOTATION] !== undefined;

/** Whether validating this VM needs its parent template (so the caller knows to fetch it). */
export const needsParentTemplate = (vm: KubeObject): boolean =>
  !skipsValidation(vm) &&
  !vm.metadata.annotations?.[VM_VALIDATIONS_ANNOTATION] &&
  parentTemplateOf(vm) !== undefined;

const denied = (message: string): string =>
  `admission webhook "${TEMPLATE_VALIDATOR_WEBHOOK}" denied the request: ${message}`;

/** SSP answers a rule it cannot read with code 400 and no reason; kube-apiserver keeps both. */
const badRequest = (message: string): StatusError => new StatusError(400, '', denied(message));

const rulesFor = (vm: KubeObject, template: KubeObject | undefined): ValidationRule[] => {
  const own = vm.metadata.annotations?.[VM_VALIDATIONS_ANNOTATION];
  if (own) return parseValidationRules(own);
  const ref = parentTemplateOf(vm);
  if (!ref) return [];
  if (!template)
    throw badRequest(
      `missing parent template (key=${ref.namespace}/${ref.name}) for ${vm.metadata.name ?? ''}`,
    );
  return parseValidationRules(template.metadata.annotations?.[TEMPLATE_VALIDATIONS_ANNOTATION]);
};

/**
 * Validates a VM against its parent template's `validations` (or its own
 * `vm.kubevirt.io/validations`). `template` is the Template named by the VM's
 * `vm.kubevirt.io/template` + `vm.kubevirt.io/template.namespace` labels, or undefined when it
 * does not exist. Throws a 400 StatusError, worded as kube-apiserver words a webhook error, when
 * the parent template is missing or its rules cannot be parsed.
 */
export const validateAgainstTemplate = (
  vm: KubeObject,
  template: KubeObject | undefined,
): TemplateValidationResult => {
  if (skipsValidation(vm)) return { allowed: true, causes: [], warnings: [] };
  let rules: ValidationRule[];
  try {
    rules = rulesFor(vm, template);
  } catch (err) {
    if (err instanceof RuleParseError) throw badRequest(err.message);
    throw err;
  }
  if (rules.length === 0) return { allowed: true, causes: [], warnings: [] };
  const evaluation = evaluateRules(rules, vm);
  return {
    allowed: !evaluation.failed,
    causes: causesOf(evaluation),
    warnings: warningsOf(evaluation),
  };
};

/**
 * The API error for a denied VM: 422 Invalid with SSP's causes (its details carry nothing else),
 * the message joining the causes' messages with ", " behind kube-apiserver's webhook prefix.
 */
export const templateValidationError = (result: TemplateValidationResult): StatusError =>
  new StatusError(422, 'Invalid', denied(result.causes.map((c) => c.message).join(', ')), {
    causes: result.causes,
  });

/**
 * The whole webhook in one call, for an admission hook: looks up the parent template with
 * `getTemplate`, throws the StatusError a real cluster answers with, and returns the warnings.
 */
export const admitAgainstTemplate = (
  vm: KubeObject,
  getTemplate: (ref: TemplateRef) => KubeObject | undefined,
): string[] => {
  const ref = needsParentTemplate(vm) ? parentTemplateOf(vm) : undefined;
  const result = validateAgainstTemplate(vm, ref ? getTemplate(ref) : undefined);
  if (!result.allowed) throw templateValidationError(result);
  return result.warnings;
};
