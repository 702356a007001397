/** Error boundary for plugin pages: shows the error, logs it with its `cause` (where the real reason is). */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Alert, ExpandableSection, PageSection } from '@patternfly/react-core';
import { i18n } from '../i18n';

type Props = { children: ReactNode; resetKey?: string };
type State = { error?: Error; resetKey?: string };

export class ErrorBoundary extends Component<Props, State> {
  override state: State = {};

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey !== state.resetKey
      ? { resetKey: props.resetKey, error: undefined }
      : null;
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Error rendering page:', error, info.componentStack);
    if (error.cause) console.error('Caused by:', error.cause);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    const cause =
      error.cause instanceof Error
        ? error.cause.message
        : error.cause
          ? String(error.cause)
          : undefined;
    const t = i18n.getFixedT(null, 'console-host');
    return (
      <PageSection hasBodyWrapper={false}>
        <Alert
          variant="danger"
          isInline
          title={t('Something went wrong')}
          data-test="error-boundary"
        >
          <p>{error.message}</p>
          {cause && <p>{t('Cause: {{cause}}', { cause })}</p>}
          {error.stack && (
            <ExpandableSection toggleText={t('Show details')}>
              <pre className="co-pre">{error.stack}</pre>
            </ExpandableSection>
          )}
        </Alert>
      </PageSection>
    );
  }
}
