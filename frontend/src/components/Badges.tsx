import { useTranslation } from "react-i18next";

import type { Phase, TrajectoryStatus } from "../api/enums";

/** The phase in words, with a shape per phase: never colour alone. */
export function PhaseBadge({ phase }: { phase: Phase }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge--phase badge--phase-${phase}`}>
      <span className="visually-hidden">{t("phase.label")}: </span>
      {t(`phase.${phase}`)}
    </span>
  );
}

export function StatusBadge({ status }: { status: TrajectoryStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge--status badge--status-${status}`}>
      <span className="visually-hidden">{t("trajectoryStatus.label")}: </span>
      {t(`trajectoryStatus.${status}`)}
    </span>
  );
}

/** A warning in words ("Achterstallig"), with an icon for quick scanning. */
export function WarningBadge({ children }: { children: string }) {
  return (
    <span className="badge badge--warning">
      <span aria-hidden="true" className="badge__icon">
        !
      </span>
      {children}
    </span>
  );
}
