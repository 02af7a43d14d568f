import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";

import { errorKind } from "../api/problem";

interface FormProblemProps {
  title: string;
  error: unknown;
  /** Server messages for fields the form does not show. */
  other?: readonly string[];
}

/** What went wrong with a submitted form, focused so keyboard and screen-reader users meet it. */
export function FormProblem({ title, error, other = [] }: FormProblemProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [error]);
  return (
    <div className="alert alert--error" role="alert" tabIndex={-1} ref={ref}>
      <p className="alert__title">{title}</p>
      <p>{t(`errors.${errorKind(error)}`)}</p>
      {other.length > 0 && (
        <ul className="alert__list">
          {other.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
