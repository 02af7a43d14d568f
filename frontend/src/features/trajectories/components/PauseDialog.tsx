import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";

import { isApiError, mapFieldErrors } from "../../../api/problem";
import { Dialog } from "../../../components/Dialog";
import { TextAreaField } from "../../../components/Fields";
import { FormProblem } from "../../../components/FormProblem";
import { TextField } from "../../../components/TextField";
import { todayIso } from "../../../i18n/format";
import { usePause, type Trajectory } from "../api";
import { checkPause, type PauseErrors } from "../phases";

const FIELDS = ["date", "reason", "expected_return_on"] as const;
type Field = (typeof FIELDS)[number];

interface PauseDialogProps {
  trajectory: Trajectory;
  participantName: string;
  onClose: () => void;
  onDone: (message: string) => void;
}

/** Pause for illness or crisis: a reason, and when known, the expected return. */
export function PauseDialog({ trajectory, participantName, onClose, onDone }: PauseDialogProps) {
  const { t } = useTranslation();
  const pause = usePause(trajectory.id);
  const today = todayIso();
  const [date, setDate] = useState(today);
  const [reason, setReason] = useState("");
  const [expectedReturn, setExpectedReturn] = useState("");
  const [checked, setChecked] = useState<PauseErrors>({});
  const [serverFields, setServerFields] = useState<Partial<Record<Field, string>>>({});
  const [serverOther, setServerOther] = useState<string[]>([]);
  const dateRef = useRef<HTMLInputElement>(null);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const returnRef = useRef<HTMLInputElement>(null);
  const refs = { date: dateRef, reason: reasonRef, expected_return_on: returnRef };

  const fieldError = (field: Field): string | undefined => {
    const key = checked[field];
    return key ? t(key) : serverFields[field];
  };

  const submit = () => {
    if (pause.isPending) return;
    const errors = checkPause({ date, reason, expectedReturn }, today);
    setChecked(errors);
    setServerFields({});
    setServerOther([]);
    const first = FIELDS.find((field) => errors[field]);
    if (first) {
      refs[first].current?.focus();
      return;
    }
    pause.mutate(
      { date, reason: reason.trim(), expected_return_on: expectedReturn === "" ? null : expectedReturn },
      {
        onSuccess: () => onDone(t("pauseDialog.success")),
        onError: (error) => {
          if (!isApiError(error)) return;
          const mapped = mapFieldErrors(error.problem, FIELDS);
          setServerFields(mapped.fields);
          setServerOther(mapped.other);
        },
      },
    );
  };

  return (
    <Dialog open title={t("pauseDialog.title")} description={participantName} onClose={onClose}>
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        {pause.isError && <FormProblem title={t("pauseDialog.errorTitle")} error={pause.error} other={serverOther} />}
        <TextField
          ref={dateRef}
          label={t("pauseDialog.date")}
          type="date"
          value={date}
          max={today}
          min={trajectory.started_on ?? trajectory.referred_on}
          required
          error={fieldError("date")}
          onChange={(event) => setDate(event.target.value)}
        />
        <TextAreaField
          ref={reasonRef}
          label={t("pauseDialog.reason")}
          value={reason}
          rows={3}
          maxLength={1000}
          required
          error={fieldError("reason")}
          onChange={(event) => setReason(event.target.value)}
        />
        <TextField
          ref={returnRef}
          label={t("pauseDialog.expectedReturn")}
          type="date"
          value={expectedReturn}
          min={date}
          error={fieldError("expected_return_on")}
          onChange={(event) => setExpectedReturn(event.target.value)}
        />
        <div className="dialog__actions">
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t("common.cancel")}
          </button>
          <button type="submit" className="button button--primary" aria-disabled={pause.isPending}>
            {pause.isPending ? t("pauseDialog.submitting") : t("pauseDialog.submit")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
