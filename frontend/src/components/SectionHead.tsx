import type { ReactNode } from "react";

interface SectionHeadProps {
  id: string;
  title: string;
  /** The section's action buttons. */
  children?: ReactNode;
  /** The result of the last action, announced politely. */
  message?: string | null;
}

/** A section's heading with its actions on the right, and the status line under it. */
export function SectionHead({ id, title, children, message = null }: SectionHeadProps) {
  return (
    <>
      <div className="section-head">
        <h2 id={id}>{title}</h2>
        {children && <div className="section-head__actions">{children}</div>}
      </div>
      <div role="status">{message && <p className="alert alert--success">{message}</p>}</div>
    </>
  );
}
