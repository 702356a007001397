/**
 * CodeEditor (SDK): Monaco through PatternFly's CodeEditor. Monaco is a separate chunk, fetched with
 * its stylesheet only when the first editor mounts. The ref gives `{ editor, monaco }`.
 */
import { forwardRef, lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Skeleton } from '@patternfly/react-core';
import type { CodeEditorProps, CodeEditorRef } from '@openshift-console/dynamic-plugin-sdk';

const MonacoCodeEditor = lazy(async () => {
  const [editor, { loadMonacoStyles }] = await Promise.all([
    import('./codeEditor/MonacoCodeEditor'),
    import('./codeEditor/monaco'),
  ]);
  await loadMonacoStyles();
  return editor;
});

const Loading = ({ height }: { height?: string }) => {
  const { t } = useTranslation('console-host');
  return <Skeleton height={height ?? '400px'} screenreaderText={t('Loading editor')} />;
};

export const CodeEditor = forwardRef<CodeEditorRef, CodeEditorProps>((props, ref) => (
  <Suspense fallback={<Loading height={props.height ?? props.minHeight} />}>
    <MonacoCodeEditor {...props} editorRef={ref} />
  </Suspense>
));
CodeEditor.displayName = 'CodeEditor';
