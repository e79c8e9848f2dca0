import { Component, type ErrorInfo, type ReactNode, useId } from 'react';
import { resetStored } from '../session/stored';
import { keptWhat } from './page-settings';

interface Props {
  /** The page's name as the menu says it ("Board pack"). */
  name: string;
  /** What the page keeps in this browser (page-settings.ts): what its reset sets aside. */
  savedKeys: readonly string[];
  /** A page that does not depend on this one, to go on from. */
  elsewhere: { href: string; label: string };
  children: ReactNode;
}

interface State {
  error: Error | null;
  /** Resets tried since the page last failed: a second failure says the reset did not help. */
  resets: number;
}

/**
 * Around every page: a page that fails while drawing says so in words and offers to reset what it
 * keeps in this browser, instead of blanking the whole app. The menu, and every other page, go on
 * working. React catches render errors only in a class component.
 */
export class PageBoundary extends Component<Props, State> {
  override state: State = { error: null, resets: 0 };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    // Kept for whoever supports the app (the page shows the message); nothing leaves the computer.
    console.error(`The ${this.props.name} page failed`, error, info.componentStack);
  }

  reset = () => {
    resetStored(this.props.savedKeys);
    this.setState((s) => ({ error: null, resets: s.resets + 1 }));
  };

  override render() {
    const { error, resets } = this.state;
    if (!error) return this.props.children;
    return (
      <PageFailed
        name={this.props.name}
        message={error.message}
        savedKeys={this.props.savedKeys}
        elsewhere={this.props.elsewhere}
        afterReset={resets > 0}
        onReset={this.reset}
        onRetry={() => this.setState({ error: null })}
      />
    );
  }
}

function PageFailed(props: {
  name: string;
  message: string;
  savedKeys: readonly string[];
  elsewhere: { href: string; label: string };
  afterReset: boolean;
  onReset: () => void;
  onRetry: () => void;
}) {
  const headingId = useId();
  const kept = props.savedKeys.map(keptWhat);
  return (
    <section className="page-failed" aria-labelledby={headingId} role="alert" data-testid="page-failed">
      <h1 id={headingId} className="heading-l">
        The {props.name} page could not be shown
      </h1>
      <p>
        Something on this page went wrong while it was being drawn:{' '}
        <q data-testid="page-failed-message">{props.message}</q>. Your loaded data and every other page are not
        affected.
      </p>
      {props.afterReset && <p className="warning-text">It failed again after its saved settings were reset.</p>}
      {kept.length > 0 ? (
        <>
          <p>It may be something this page keeps in this browser:</p>
          <ul className="list">
            {kept.map((what) => (
              <li key={what}>{what}</li>
            ))}
          </ul>
          <p>
            Resetting sets these aside (a copy is kept, and removed with the rest under “What this browser keeps” on the
            Data page) and starts the page again from the defaults.
          </p>
        </>
      ) : (
        <p>This page keeps nothing in this browser, so there is nothing of it to reset.</p>
      )}
      <div className="button-group">
        {kept.length > 0 && (
          <button type="button" className="button" onClick={props.onReset} data-testid="page-reset">
            Reset this page’s saved settings
          </button>
        )}
        <button type="button" className="button button--secondary" onClick={props.onRetry}>
          Try again
        </button>
        <a className="button button--secondary" href={props.elsewhere.href} data-testid="page-failed-elsewhere">
          Go to {props.elsewhere.label}
        </a>
      </div>
    </section>
  );
}
