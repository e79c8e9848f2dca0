import { type ReactNode, useEffect, useId, useRef } from 'react';

/**
 * "Are you sure?" in the page: the question, a warning button that does it (focused, so Enter confirms
 * and a screen reader hears the question) and Cancel.
 */
export function ConfirmPanel({
  question,
  confirmLabel,
  onConfirm,
  onCancel,
  testId,
  confirmTestId,
}: {
  question: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  testId?: string;
  confirmTestId: string;
}) {
  const questionId = useId();
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => confirmRef.current?.focus(), []);
  return (
    <div className="confirm-panel" role="alertdialog" aria-labelledby={questionId} data-testid={testId}>
      <p id={questionId}>{question}</p>
      <div className="button-group">
        <button
          ref={confirmRef}
          type="button"
          className="button button--warning"
          onClick={onConfirm}
          data-testid={confirmTestId}
        >
          {confirmLabel}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
