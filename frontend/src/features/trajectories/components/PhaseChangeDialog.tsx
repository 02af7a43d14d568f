import { useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

import { isApiError, mapFieldErrors } from "../../../api/problem";
import { Dialog } from "../../../components/Dialog";
import { TextAreaField } from "../../../components/Fields";
import { FormProblem } from "../../../components/FormProblem";
import { TextField } from "../../../components/TextField";
import { useFormat } from "../../../components/useFormat";
import { todayIso } from "../../../i18n/format";
import { useRecordPhaseChange, useTrajectory, type Trajectory } from "../api";
import { checkPhaseMove, phaseMoveOptions, type Phase, type PhaseMoveErrors } from "../phases";

const FIELDS = ["to_phase", "date", "reason"] as const;
type Field = (typeof FIELDS)[number];

interface PhaseChangeDialogProps {
  trajectory: Trajectory;
  participantName: string;
  onClose: () => void;
  onDone: (message: string) => void;
}

/** Offers only the moves the server allows now; asks a reason for a step back; dated, today by default. */
export function PhaseChangeDialog({ trajectory, participantName, onClose, onDone }: PhaseChangeDialogProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const groupId = useId();
  const record = useRecordPhaseChange(trajectory.id);
  const refreshed = useTrajectory(trajectory.id);
  const today = todayIso();
  const options = phaseMoveOptions(refreshed.data ?? trajectory);
  const choosable = options.filter((option) => !option.viaOutflow);
  const outflowPossible = options.some((option) => option.viaOutflow);
  const earliest = trajectory.phase_since;

  const [target, setTarget] = useState<Phase | null>(choosable.length === 1 ? (choosable[0]?.target ?? null) : null);
  const [date, setDate] = useState(today);
  const [reason, setReason] = useState("");
  const [checked, setChecked] = useState<PhaseMoveErrors>({});
  const [serverFields, setServerFields] = useState<Partial<Record<Field, string>>>({});
  const [serverOther, setServerOther] = useState<string[]>([]);

  const targetRef = useRef<HTMLInputElement>(null);
  const dateRef = useRef<HTMLInputElement>(null);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const refs = { to_phase: targetRef, date: dateRef, reason: reasonRef };

  const selected = choosable.find((option) => option.target === target);
  const fieldError = (field: Field): string | undefined => {
    const key = checked[field];
    if (key) return key === "phaseDialog.dateTooEarly" ? `${t(key)} ${t("phaseDialog.earliest", { date: format.date(earliest) })}` : t(key);
    return serverFields[field];
  };

  const submit = () => {
    if (record.isPending) return;
    const errors = checkPhaseMove({ target, date, reason }, options, today, earliest);
    setChecked(errors);
    setServerFields({});
    setServerOther([]);
    if (Object.keys(errors).length > 0 || target === null) {
      const first = FIELDS.find((field) => errors[field]);
      if (first) refs[first].current?.focus();
      return;
    }
    const trimmed = reason.trim();
    record.mutate(
      { to_phase: target, date, reason: trimmed === "" ? null : trimmed },
      {
        onSuccess: () => onDone(t("phaseDialog.success", { phase: t(`phase.${target}`) })),
        onError: (error) => {
          if (!isApiError(error)) return;
          const mapped = mapFieldErrors(error.problem, FIELDS);
          setServerFields(mapped.fields);
          setServerOther(mapped.other);
          // A 409 means the trajectory moved on meanwhile: show the moves allowed now.
          if (error.status === 409) void refreshed.refetch();
        },
      },
    );
  };

  const targetError = fieldError("to_phase");
  return (
    <Dialog
      open
      title={t("phaseDialog.title")}
      description={t("phaseDialog.description", { name: participantName, phase: t(`phase.${trajectory.phase}`) })}
      onClose={onClose}
    >
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        {record.isError && <FormProblem title={t("phaseDialog.errorTitle")} error={record.error} other={serverOther} />}
        {choosable.length === 0 ? (
          <p className="alert alert--info">{trajectory.status === "paused" ? t("phaseDialog.pausedNote") : t("phaseDialog.noOptions")}</p>
        ) : (
          <fieldset
            className={`choice-group${targetError ? " choice-group--invalid" : ""}`}
            aria-describedby={targetError ? `${groupId}-to_phase-error` : undefined}
          >
            <legend className="field__label">{t("phaseDialog.target")}</legend>
            {targetError && (
              <p className="field__error" id={`${groupId}-to_phase-error`}>
                {targetError}
              </p>
            )}
            {choosable.map((option, index) => {
              const id = `${groupId}-option-${option.target}`;
              return (
                <div key={option.target} className="choice">
                  <input
                    ref={index === 0 ? targetRef : undefined}
                    id={id}
                    type="radio"
                    name="to_phase"
                    value={option.target}
                    checked={target === option.target}
                    onChange={() => setTarget(option.target)}
                  />
                  <label htmlFor={id}>
                    <span className="choice__label">{t(`phase.${option.target}`)}</span>
                    {option.reasonRequired && <span className="choice__hint">{t("phaseDialog.reasonNeeded")}</span>}
                  </label>
                </div>
              );
            })}
          </fieldset>
        )}
        {outflowPossible && <p className="field__hint">{t("phaseDialog.outflowNote")}</p>}
        {choosable.length > 0 && (
          <>
            <TextField
              ref={dateRef}
              label={t("phaseDialog.date")}
              hint={t("phaseDialog.dateHint")}
              type="date"
              value={date}
              max={today}
              min={earliest}
              required
              error={fieldError("date")}
              onChange={(event) => setDate(event.target.value)}
            />
            <TextAreaField
              ref={reasonRef}
              label={selected?.reasonRequired ? t("phaseDialog.reason") : t("phaseDialog.reasonOptional")}
              hint={selected?.reasonRequired ? t("phaseDialog.reasonRequiredHint") : undefined}
              value={reason}
              rows={3}
              maxLength={1000}
              required={selected?.reasonRequired ?? false}
              error={fieldError("reason")}
              onChange={(event) => setReason(event.target.value)}
            />
          </>
        )}
        <div className="dialog__actions">
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t("common.cancel")}
          </button>
          {choosable.length > 0 && (
            <button type="submit" className="button button--primary" aria-disabled={record.isPending}>
              {record.isPending ? t("phaseDialog.submitting") : t("phaseDialog.submit")}
            </button>
          )}
        </div>
      </form>
    </Dialog>
  );
}
