import { useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { ATTENDANCE_STATUSES, HALF_DAYS, type AttendanceStatus, type HalfDay } from "../../../api/enums";
import { isApiError } from "../../../api/problem";
import { FormProblem } from "../../../components/FormProblem";
import { callName } from "../../../components/personName";
import { useFormat } from "../../../components/useFormat";
import { useUnsavedChanges } from "../../../forms/dirtyForms";
import { useSaveFloorDay, type FloorDay, type FloorDayRow } from "../api";
import {
  buildEntries,
  draftFromRows,
  draftMark,
  entryErrors,
  markedCount,
  markEmptyPresent,
  markKey,
  parseHours,
  plannedHoursText,
  unsavedCount,
  withField,
  withStatus,
  type Draft,
} from "../floorDay";

interface HalfDayProps {
  row: FloorDayRow;
  /** id of the person's "gepland: 4 u per halve dag" line. */
  plannedId: string;
  halfDay: HalfDay;
  draft: Draft;
  invalid: boolean;
  onStatus: (status: AttendanceStatus) => void;
  onField: (field: "hours" | "reason", value: string) => void;
}

function HalfDayMarks({ row, plannedId, halfDay, draft, invalid, onStatus, onField }: HalfDayProps) {
  const { t } = useTranslation();
  const id = useId();
  const key = markKey(row.placement_id, halfDay);
  const mark = draftMark(draft, key);
  const halfDayName = t(`halfDay.${halfDay}`);
  const hoursError = invalid ? t("floor.hoursInvalid") : undefined;

  return (
    <fieldset className="half-day">
      <legend className="half-day__legend">{halfDayName}</legend>
      <div className="toggle-group">
        {ATTENDANCE_STATUSES.map((status) => (
          <div key={status} className={`toggle toggle--${status}`}>
            <input
              id={`${id}-${status}`}
              type="radio"
              name={key}
              value={status}
              checked={mark.status === status}
              onChange={() => onStatus(status)}
            />
            <label htmlFor={`${id}-${status}`}>{t(`attendanceStatus.${status}`)}</label>
          </div>
        ))}
      </div>
      <div className={`compact-field half-day__hours${hoursError ? " field--invalid" : ""}`}>
          <label htmlFor={`${id}-hours`} className="compact-field__label">
            {t("floor.hours")}
          </label>
          <input
            id={`${id}-hours`}
            className="field__input compact-field__input"
            inputMode="decimal"
            autoComplete="off"
            value={mark.hours}
            disabled={mark.status === null}
            aria-invalid={hoursError ? true : undefined}
            aria-describedby={`${plannedId}${hoursError ? ` ${id}-hours-error` : ""}`}
            onChange={(event) => onField("hours", event.target.value)}
          />
          {hoursError && (
            <span id={`${id}-hours-error`} className="field__error">
              {hoursError}
            </span>
          )}
      </div>
      {mark.status !== null && mark.status !== "present" && (
          <div className="compact-field compact-field--wide half-day__reason">
            <label htmlFor={`${id}-reason`} className="compact-field__label">
              {t("floor.reason")}
            </label>
            <input
              id={`${id}-reason`}
              className="field__input"
              maxLength={500}
              value={mark.reason}
              onChange={(event) => onField("reason", event.target.value)}
            />
          </div>
      )}
    </fieldset>
  );
}

interface FloorDayFormProps {
  day: FloorDay;
  floorName: string;
}

/** The whole day's list as one form: mark each half-day, then save everything in one request. */
export function FloorDayForm({ day, floorName }: FloorDayFormProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const save = useSaveFloorDay(day.work_floor_id);
  const [rows, setRows] = useState(day.items);
  const [draft, setDraft] = useState<Draft>(() => draftFromRows(day.items));
  const [invalid, setInvalid] = useState<string[]>([]);
  const [rowErrors, setRowErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState<{ count: number; date: string } | null>(null);
  const [nothing, setNothing] = useState(false);
  const savedRef = useRef<HTMLParagraphElement>(null);

  const changes = unsavedCount(draft, rows);
  useUnsavedChanges(changes > 0);
  const total = rows.length * HALF_DAYS.length;

  const edit = (next: Draft) => {
    setDraft(next);
    setSaved(null);
    setNothing(false);
  };

  const submit = () => {
    if (save.isPending) return;
    const built = buildEntries(draft, rows);
    setInvalid(built.invalid);
    setRowErrors({});
    setSaved(null);
    if (built.invalid.length > 0) {
      document.querySelector<HTMLInputElement>(".floor-day [aria-invalid='true']")?.focus();
      return;
    }
    if (built.entries.length === 0) {
      setNothing(true);
      return;
    }
    setNothing(false);
    save.mutate(
      { date: day.date, entries: built.entries },
      {
        onSuccess: (answer) => {
          setRows(answer.items);
          setDraft(draftFromRows(answer.items));
          setSaved({ count: built.entries.length, date: answer.date });
          requestAnimationFrame(() => savedRef.current?.focus());
        },
        onError: (error) => {
          if (isApiError(error)) setRowErrors(entryErrors(error.problem, built.entries));
        },
      },
    );
  };

  const rowError = (row: FloorDayRow) =>
    HALF_DAYS.map((halfDay) => rowErrors[markKey(row.placement_id, halfDay)]).find((message) => message !== undefined);
  const otherErrors = rowErrors[""] ? [rowErrors[""]] : [];

  return (
    <form
      className="floor-day"
      noValidate
      aria-label={t("floor.listCaption", { floor: floorName, date: format.date(day.date, "long") })}
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <div className="floor-day__bar">
        <div className="floor-day__messages">
          <p className="floor-day__count">{t("floor.summary", { marked: markedCount(draft), total })}</p>
          <div role="status">
            {saved ? (
              <p className="alert alert--success floor-day__saved" tabIndex={-1} ref={savedRef}>
                {t("floor.saved", { count: saved.count, date: format.date(saved.date, "long") })}
              </p>
            ) : nothing ? (
              <p className="alert alert--info floor-day__saved">{t("floor.nothingToSave")}</p>
            ) : (
              <p className="floor-day__pending">
                {changes > 0
                  ? t("floor.unsaved", { count: changes })
                  : markedCount(draft) === 0
                    ? t("floor.nothingYet")
                    : t("floor.allSaved")}
              </p>
            )}
          </div>
        </div>
        <div className="floor-day__actions">
          <button type="button" className="button button--secondary" onClick={() => edit(markEmptyPresent(draft, rows))}>
            {t("floor.markAllPresent")}
          </button>
          <button type="submit" className="button button--primary" aria-disabled={save.isPending}>
            {save.isPending ? t("floor.saving") : t("floor.save")}
          </button>
        </div>
      </div>
      {save.isError && (
        <div className="floor-day__problem">
          <FormProblem title={t("floor.saveFailedTitle")} error={save.error} other={otherErrors} />
          <p>{t("floor.saveFailed")}</p>
        </div>
      )}
      <ul className="floor-day__rows">
        {rows.map((row) => {
          const name = callName(row);
          const error = rowError(row);
          const planned = plannedHoursText(row.planned_hours_per_half_day);
          const plannedId = `planned-${row.placement_id}`;
          return (
            <li key={row.placement_id} className={`floor-row${error ? " floor-row--error" : ""}`}>
              <fieldset className="floor-row__person">
                <legend className="floor-row__name">{name}</legend>
                <p id={plannedId} className="floor-row__plan">
                  {planned ? t("floor.plannedHours", { hours: format.number(Number(planned), 2) }) : t("floor.noPlan")}
                </p>
                {error && <p className="field__error">{t("floor.rowError", { message: error })}</p>}
                <div className="floor-row__halves">
                  {HALF_DAYS.map((halfDay) => {
                    const key = markKey(row.placement_id, halfDay);
                    return (
                      <HalfDayMarks
                        key={halfDay}
                        row={row}
                        plannedId={plannedId}
                        halfDay={halfDay}
                        draft={draft}
                        invalid={invalid.includes(key) && parseHours(draftMark(draft, key).hours) === null}
                        onStatus={(status) => edit(withStatus(draft, key, status, row.planned_hours_per_half_day))}
                        onField={(field, value) => edit(withField(draft, key, field, value))}
                      />
                    );
                  })}
                </div>
              </fieldset>
              <Link className="floor-row__link" to={`/trajecten/${row.trajectory_id}`}>
                {t("floor.openDossier", { name })}
              </Link>
            </li>
          );
        })}
      </ul>
    </form>
  );
}
