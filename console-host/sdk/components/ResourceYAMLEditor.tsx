/** ResourceYAMLEditor: edit a resource as YAML; Save (PUT/POST), Reload, Cancel, Download; 409 shows a conflict. */
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { dump, load } from 'js-yaml';
import {
  ActionGroup,
  Alert,
  AlertActionLink,
  Button,
  PageSection,
  Title,
} from '@patternfly/react-core';
// Type only: the editor's code (PatternFly's CodeEditor, Monaco) stays in the lazy chunk.
import type { Language } from '@patternfly/react-code-editor';
import type {
  K8sResourceCommon,
  ResourceYAMLEditorProps,
} from '@openshift-console/dynamic-plugin-sdk';
import { getGroupVersionKindForResource } from '@openshift-console/dynamic-plugin-sdk/lib/utils/k8s/k8s-ref';
import { k8sCreate, k8sGet, k8sUpdate } from '../k8s/crud';
import { getDiscovery } from '../k8s/discovery';
import { findModel } from '../k8s/models';
import { resourceDetailsPath } from '../k8s/ref';
import { CodeEditor } from './CodeEditor';

type Status = {
  variant: 'success' | 'danger' | 'warning' | 'info';
  title: string;
  message?: string;
  conflict?: boolean;
};

/**
 * The YAML shown for an object, without `metadata.managedFields` as in the console: they are
 * bookkeeping nobody edits, and an update that leaves them out keeps them on the server.
 */
const toYAML = (obj: unknown) => {
  const meta = (obj as K8sResourceCommon | undefined)?.metadata;
  if (!meta?.managedFields) return dump(obj, { lineWidth: -1, noRefs: true });
  const { managedFields: _hidden, ...metadata } = meta;
  return dump({ ...(obj as object), metadata }, { lineWidth: -1, noRefs: true });
};

const modelOf = (obj: K8sResourceCommon) => {
  const gvk = getGroupVersionKindForResource(obj);
  const { models, preferred } = getDiscovery();
  return gvk ? findModel(models, gvk, preferred) : undefined;
};

export const ResourceYAMLEditor = ({
  initialResource,
  header,
  onSave,
  readOnly,
  create,
  onChange,
  hideHeader,
}: ResourceYAMLEditorProps) => {
  const { t } = useTranslation('console-host');
  const navigate = useNavigate();
  const [content, setContent] = useState(() => toYAML(initialResource));
  const [status, setStatus] = useState<Status>();
  const [saving, setSaving] = useState(false);
  const base = useRef(toYAML(initialResource));
  // While a save is in flight, the watch may deliver our own write before the response does.
  const inFlight = useRef(false);
  const version = initialResource?.metadata?.resourceVersion;

  // Follow live updates while the user has not edited; otherwise say the object changed.
  useEffect(() => {
    const next = toYAML(initialResource);
    if (next === base.current || inFlight.current) return;
    setContent((current) => {
      if (current === base.current) return next;
      setStatus({
        variant: 'info',
        title: t('This object has been updated.'),
        message: t('Click reload to see the new version.'),
        conflict: true,
      });
      return current;
    });
    base.current = next;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [version]);

  const change = (value: string) => {
    setContent(value);
    onChange?.(value);
  };

  const reload = async () => {
    const obj = load(base.current) as K8sResourceCommon;
    const model = modelOf(obj);
    try {
      const fresh =
        model && !create
          ? await k8sGet<K8sResourceCommon>({
              model,
              name: obj.metadata?.name,
              ns: obj.metadata?.namespace,
            })
          : obj;
      base.current = toYAML(fresh);
      setContent(base.current);
      setStatus(undefined);
    } catch (e) {
      setStatus({ variant: 'danger', title: t('Error'), message: (e as Error).message });
    }
  };

  const save = async () => {
    if (onSave) {
      onSave(content);
      return;
    }
    let obj: K8sResourceCommon;
    try {
      obj = load(content) as K8sResourceCommon;
      if (!obj || typeof obj !== 'object') throw new Error(t('The YAML must describe an object.'));
    } catch (e) {
      setStatus({ variant: 'danger', title: t('Invalid YAML'), message: (e as Error).message });
      return;
    }
    const model = modelOf(obj);
    if (!model) {
      setStatus({
        variant: 'danger',
        title: t('Error'),
        message: t('The server does not know the kind {{kind}}.', { kind: obj.kind }),
      });
      return;
    }
    setSaving(true);
    inFlight.current = true;
    try {
      const saved = create
        ? await k8sCreate({ model, data: obj })
        : await k8sUpdate({ model, data: obj });
      if (create) {
        navigate(resourceDetailsPath(model, saved.metadata?.name ?? '', saved.metadata?.namespace));
        return;
      }
      base.current = toYAML(saved);
      setContent(base.current);
      setStatus({
        variant: 'success',
        title: t('{{name}} has been updated to version {{version}}', {
          name: saved.metadata?.name,
          version: saved.metadata?.resourceVersion,
        }),
      });
    } catch (e) {
      const err = e as Error & { code?: number };
      setStatus(
        err.code === 409
          ? {
              variant: 'warning',
              title: t('This object has been updated.'),
              message: err.message,
              conflict: true,
            }
          : { variant: 'danger', title: t('Error'), message: err.message },
      );
    } finally {
      inFlight.current = false;
      setSaving(false);
    }
  };

  const download = () => {
    const url = URL.createObjectURL(new Blob([content], { type: 'text/yaml' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `${initialResource?.metadata?.name || initialResource?.kind || 'resource'}.yaml`;
    a.click();
    URL.revokeObjectURL(url);
  };

  return (
    <PageSection hasBodyWrapper={false} className="co-yaml-editor">
      {!hideHeader && (
        <Title headingLevel="h2" className="pf-v6-u-mb-md">
          {header ?? (create ? t('Create {{kind}}', { kind: initialResource?.kind }) : t('YAML'))}
        </Title>
      )}
      <CodeEditor
        className="co-yaml-editor__editor"
        language={'yaml' as Language}
        value={content}
        onChange={(v) => change(v)}
        onSave={readOnly ? undefined : () => void save()}
        isReadOnly={readOnly}
        showShortcuts
        height="60vh"
        minHeight="300px"
        options={{ ariaLabel: t('YAML editor'), readOnly }}
      />
      {status && (
        <Alert
          isInline
          className="pf-v6-u-mt-md"
          variant={status.variant}
          title={status.title}
          actionLinks={
            status.conflict ? (
              <AlertActionLink onClick={() => void reload()}>{t('Reload')}</AlertActionLink>
            ) : undefined
          }
        >
          {status.message}
        </Alert>
      )}
      <ActionGroup className="pf-v6-u-mt-md">
        {!readOnly && (
          <Button
            variant="primary"
            onClick={() => void save()}
            isLoading={saving}
            isDisabled={saving}
          >
            {create ? t('Create') : t('Save')}
          </Button>
        )}
        {!create && (
          <Button variant="secondary" onClick={() => void reload()}>
            {t('Reload')}
          </Button>
        )}
        <Button variant="secondary" onClick={() => navigate(-1)}>
          {t('Cancel')}
        </Button>
        <Button variant="link" onClick={download}>
          {t('Download')}
        </Button>
      </ActionGroup>
    </PageSection>
  );
};
