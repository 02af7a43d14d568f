import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

import { errorKind } from "../api/problem";

export function Loading({ children }: { children: ReactNode }) {
  return (
    <p className="status status--loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {children}
    </p>
  );
}

interface ErrorMessageProps {
  /** What could not be done, e.g. "De organisaties konden niet geladen worden." */
  title: string;
  error: unknown;
  onRetry?: () => void;
}

/** An error in words a person understands, with a way to try again. */
export function ErrorMessage({ title, error, onRetry }: ErrorMessageProps) {
  const { t } = useTranslation();
  return (
    <div className="status status--error" role="alert">
      <p className="status__title">{title}</p>
      <p>{t(`errors.${errorKind(error)}`)}</p>
      {onRetry && (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          {t("common.retry")}
        </button>
      )}
    </div>
  );
}

export function EmptyState({ children }: { children: ReactNode }) {
  return (
    <p className="status status--empty" role="status">
      {children}
    </p>
  );
}
