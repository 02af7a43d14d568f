import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";

import { isApiError, mapFieldErrors } from "../../../api/problem";
import { Dialog } from "../../../components/Dialog";
import { FormProblem } from "../../../components/FormProblem";
import { TextField } from "../../../components/TextField";
import { todayIso } from "../../../i18n/format";
import { useResume, type Trajectory } from "../api";
import { checkEventDate } from "../phases";

interface ResumeDialogProps {
  trajectory: Trajectory;
  participantName: string;
  onClose: () => void;
  onDone: (message: string) => void;
}

export function ResumeDialog({ trajectory, participantName, onClose, onDone }: ResumeDialogProps) {
  const { t } = useTranslation();
  const resume = useResume(trajectory.id);
  const today = todayIso();
  const [date, setDate] = useState(today);
  const [checked, setChecked] = useState<ReturnType<typeof checkEventDate>>(null);
  const [serverDate, setServerDate] = useState<string | undefined>(undefined);
  const [serverOther, setServerOther] = useState<string[]>([]);
  const dateRef = useRef<HTMLInputElement>(null);

  const submit = () => {
    if (resume.isPending) return;
    const problem = checkEventDate(date, today);
    setChecked(problem);
    setServerDate(undefined);
    setServerOther([]);
    if (problem) {
      dateRef.current?.focus();
      return;
    }
    resume.mutate(
      { date },
      {
        onSuccess: () => onDone(t("resumeDialog.success")),
        onError: (error) => {
          if (!isApiError(error)) return;
          const mapped = mapFieldErrors(error.problem, ["date"]);
          setServerDate(mapped.fields.date);
          setServerOther(mapped.other);
        },
      },
    );
  };

  return (
    <Dialog open title={t("resumeDialog.title")} description={participantName} onClose={onClose}>
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        {resume.isError && <FormProblem title={t("resumeDialog.errorTitle")} error={resume.error} other={serverOther} />}
        <TextField
          ref={dateRef}
          label={t("resumeDialog.date")}
          type="date"
          value={date}
          max={today}
          min={trajectory.started_on ?? trajectory.referred_on}
          required
          error={checked ? t(checked) : serverDate}
          onChange={(event) => setDate(event.target.value)}
        />
        <div className="dialog__actions">
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t("common.cancel")}
          </button>
          <button type="submit" className="button button--primary" aria-disabled={resume.isPending}>
            {resume.isPending ? t("resumeDialog.submitting") : t("resumeDialog.submit")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
