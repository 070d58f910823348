import type { ErrorInfo, ReactNode } from 'react';
import { Component } from 'react';
import type { Lang } from '../domain/caseParams.ts';
import { translate } from '../i18n/translate.ts';

export interface ErrorBoundaryProps {
  lang: Lang;
  children: ReactNode;
  /** Called with the error, e.g. to emit the command API's 'error' event. */
  onError?: (error: Error) => void;
  /** Shown instead of the default message (the scene uses the no-WebGL fallback). */
  fallback?: (error: Error) => ReactNode;
  /** Reload the page this long after a failure (the unattended kiosk), ms. */
  reloadAfterMs?: number;
}

interface ErrorBoundaryState {
  error: Error | null;
}

/** Catches a render error below it and shows a readable message instead of a blank page. */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: null };

  static getDerivedStateFromError(error: Error): ErrorBoundaryState {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.warn('spinecast: a part of the page failed', error, info.componentStack);
    this.props.onError?.(error);
    if (this.props.reloadAfterMs !== undefined) setTimeout(() => window.location.reload(), this.props.reloadAfterMs);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    if (this.props.fallback) return this.props.fallback(error);
    const { lang } = this.props;
    return (
      <div className="error-panel" role="alert">
        <h2>{translate(lang, 'error.title')}</h2>
        <p>{translate(lang, 'error.body')}</p>
        <details>
          <summary>{translate(lang, 'error.details')}</summary>
          <pre className="error-panel__message">{error.message}</pre>
        </details>
        <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
          {translate(lang, 'error.reload')}
        </button>
      </div>
    );
  }
}
