import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

import type { DrillTarget } from "../api";
import { useOpenDrill } from "../drill";

interface DrillCountProps {
  target: DrillTarget | null;
  /** What is shown; the count itself when absent. */
  children?: ReactNode;
  className?: string;
}

/**
 * A count that opens the trajectories behind it. Screen readers hear what opens ("5, toon de
 * trajecten: uitstroom naar betaald werk"); zero, or a count without a drill-down, stays text.
 */
export function DrillCount({ target, children, className }: DrillCountProps) {
  const { t } = useTranslation();
  const open = useOpenDrill();
  const shown = children ?? target?.count;
  if (!target || target.count === 0) return <span className={className}>{shown}</span>;
  return (
    <button type="button" className={`drill-count${className ? ` ${className}` : ""}`} onClick={() => open(target)}>
      {shown}
      <span className="visually-hidden">{t("dashboard.drill.open", { what: target.title })}</span>
    </button>
  );
}
