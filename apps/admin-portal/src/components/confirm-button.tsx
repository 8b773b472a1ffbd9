import { useEffect, useRef, useState } from 'react';

interface ConfirmButtonProps {
  readonly label: string;
  /** The question asked before acting, e.g. "Delete 3 flags?" */
  readonly question: string;
  readonly onConfirm: () => void;
  readonly disabled?: boolean;
  readonly testId?: string;
}

/** A destructive action in two steps, without a modal: the button turns into a question. */
export function ConfirmButton({ label, question, onConfirm, disabled, testId }: ConfirmButtonProps) {
  const [asking, setAsking] = useState(false);
  const cancel = useRef<HTMLButtonElement>(null);
  // Keyboard users land on the safe choice when the question appears.
  useEffect(() => {
    if (asking) cancel.current?.focus();
  }, [asking]);
  if (!asking) {
    return (
      <button
        type="button"
        className="button--danger"
        disabled={disabled}
        onClick={() => setAsking(true)}
        data-testid={testId}
      >
        {label}
      </button>
    );
  }
  return (
    <span className="confirm">
      <span>{question}</span>
      <button
        type="button"
        className="button--danger"
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        Yes, {label.toLowerCase()}
      </button>
      <button type="button" ref={cancel} onClick={() => setAsking(false)}>
        Cancel
      </button>
    </span>
  );
}
