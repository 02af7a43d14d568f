import { useTranslation } from "react-i18next";

import { useResume } from "../api";
import { DatedStatusDialog, type DatedStatusDialogProps } from "./DatedStatusDialog";

/** A paused trajectory goes on: dated, not before the pause began. */
export function ResumeDialog(props: DatedStatusDialogProps) {
  const { t } = useTranslation();
  const resume = useResume(props.trajectory.id);
  return (
    <DatedStatusDialog
      {...props}
      mutation={resume}
      texts={{
        title: t("resumeDialog.title"),
        description: () => props.participantName,
        date: t("resumeDialog.date"),
        submit: t("resumeDialog.submit"),
        submitting: t("resumeDialog.submitting"),
        success: t("resumeDialog.success"),
        errorTitle: t("resumeDialog.errorTitle"),
      }}
    />
  );
}
