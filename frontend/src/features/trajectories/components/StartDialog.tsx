import { useTranslation } from "react-i18next";

import { useFormat } from "../../../components/useFormat";
import { useStart } from "../api";
import { DatedStatusDialog, type DatedStatusDialogProps } from "./DatedStatusDialog";

/** Off the waiting list: the intake is done, the trajectory starts (status "referred" → "active"). */
export function StartDialog(props: DatedStatusDialogProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const start = useStart(props.trajectory.id);
  return (
    <DatedStatusDialog
      {...props}
      mutation={start}
      texts={{
        title: t("startDialog.title"),
        description: (base) => t("startDialog.description", { name: props.participantName, date: format.date(base.referred_on, "long") }),
        date: t("startDialog.date"),
        dateHint: t("startDialog.dateHint"),
        submit: t("startDialog.submit"),
        submitting: t("startDialog.submitting"),
        success: t("startDialog.success"),
        errorTitle: t("startDialog.errorTitle"),
      }}
    />
  );
}
