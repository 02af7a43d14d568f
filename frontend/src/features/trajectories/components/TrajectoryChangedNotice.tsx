import { useTranslation } from "react-i18next";

import { isPhase, isTrajectoryStatus } from "../../../api/enums";
import { useFormat } from "../../../components/useFormat";
import { StaleNotice } from "../../../forms/StaleNotice";
import type { StaleRow } from "../../../forms/stale";
import type { TrajectoryField } from "../actionForms";

interface TrajectoryChangedNoticeProps {
  rows: readonly StaleRow<TrajectoryField>[];
  onReapply: () => void;
  onDiscard: () => void;
  busy: boolean;
}

/** The 412 notice of the trajectory actions: the trajectory's facts as they were and as they are now. */
export function TrajectoryChangedNotice({ rows, onReapply, onDiscard, busy }: TrajectoryChangedNoticeProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const show = (field: TrajectoryField, value: unknown): string => {
    if (typeof value !== "string" || value === "") return "";
    if (field === "phase" && isPhase(value)) return t(`phase.${value}`);
    if (field === "status" && isTrajectoryStatus(value)) return t(`trajectoryStatus.${value}`);
    if (field === "pause_reason") return value;
    return format.date(value, "long");
  };
  return (
    <StaleNotice
      rows={rows}
      label={(field) => t(`dossier.trajectoryFields.${field}`)}
      show={show}
      busy={busy}
      onReapply={onReapply}
      onDiscard={onDiscard}
    />
  );
}
