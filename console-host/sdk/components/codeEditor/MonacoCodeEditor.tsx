/** The SDK's CodeEditor on PatternFly's CodeEditor and the locally bundled Monaco (lazy chunk). */
import { Fragment, useEffect, useImperativeHandle, useRef, useState } from 'react';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { CodeEditor as PfCodeEditor } from '@patternfly/react-code-editor';
import type { Language } from '@patternfly/react-code-editor';
import type { CodeEditorProps, CodeEditorRef } from '@openshift-console/dynamic-plugin-sdk';
import { monaco } from './monaco';

type Editor = monaco.editor.IStandaloneCodeEditor;

export type MonacoCodeEditorProps = CodeEditorProps & { editorRef?: Ref<CodeEditorRef> };

/** Key names, the same in every language. */
const SHORTCUT_KEYS = { save: 'Ctrl+S', find: 'Ctrl+F', help: 'Alt+F1' };

const isDark = () => document.documentElement.classList.contains('pf-v6-theme-dark');

const MonacoCodeEditor = ({
  value,
  language,
  options,
  minHeight,
  showShortcuts,
  toolbarLinks,
  onSave,
  onEditorDidMount,
  shortcutsPopoverProps,
  height,
  editorRef,
  ...rest
}: MonacoCodeEditorProps) => {
  const { t } = useTranslation('console-host');
  const [editor, setEditor] = useState<Editor>();
  const saveRef = useRef(onSave);
  useEffect(() => {
    saveRef.current = onSave;
  }, [onSave]);

  useImperativeHandle(editorRef, () => ({ editor: editor as Editor, monaco }), [editor]);

  // Ctrl/Cmd+S runs the latest onSave.
  useEffect(() => {
    if (!editor) return;
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS, () => saveRef.current?.());
  }, [editor]);

  const shortcuts = showShortcuts
    ? {
        'aria-label': t('Keyboard shortcuts'),
        bodyContent: (
          <dl className="co-code-editor__shortcuts">
            {[
              { keys: SHORTCUT_KEYS.save, label: t('Save') },
              { keys: SHORTCUT_KEYS.find, label: t('Find') },
              { keys: SHORTCUT_KEYS.help, label: t('Accessibility help') },
            ].map(({ keys, label }) => (
              <Fragment key={keys}>
                <dt>
                  <kbd>{keys}</kbd>
                </dt>
                <dd>{label}</dd>
              </Fragment>
            ))}
          </dl>
        ),
        ...shortcutsPopoverProps,
      }
    : undefined;

  return (
    <div className="co-code-editor" style={{ minHeight }}>
      <PfCodeEditor
        {...rest}
        code={value}
        language={language as Language | undefined}
        isDarkTheme={rest.isDarkTheme ?? isDark()}
        height={height ?? minHeight ?? '400px'}
        options={{
          scrollBeyondLastLine: false,
          fontSize: 14,
          tabSize: 2,
          ...options,
        }}
        shortcutsPopoverButtonText={t('View shortcuts')}
        shortcutsPopoverProps={shortcuts}
        customControls={toolbarLinks}
        onEditorDidMount={(instance, m) => {
          setEditor(instance);
          onEditorDidMount?.(instance, m);
        }}
      />
    </div>
  );
};

export default MonacoCodeEditor;
