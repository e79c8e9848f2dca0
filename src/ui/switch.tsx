import type { ReactNode } from 'react';

/** An on/off switch (a button with role="switch"), its label beside it, and whatever it needs said under it. */
export function Switch({
  on,
  onChange,
  label,
  testId,
  children,
}: {
  on: boolean;
  onChange: (on: boolean) => void;
  label: string;
  testId: string;
  children?: ReactNode;
}) {
  return (
    <div className="suppression">
      <button
        type="button"
        role="switch"
        aria-checked={on}
        className={`switch${on ? ' switch--on' : ''}`}
        onClick={() => onChange(!on)}
        data-testid={testId}
      >
        <span className="switch__track" aria-hidden="true">
          <span className="switch__thumb" />
        </span>
        <span className="switch__label">{label}</span>
      </button>
      {children}
    </div>
  );
}
