import { useId, useState, type KeyboardEvent } from "react";
import { useController, type Control, type FieldValues, type Path } from "react-hook-form";
import { useTranslation } from "react-i18next";

import { useDebounced } from "../../../components/useDebounced";
import { useTeamCandidateSearch, type TeamCandidate } from "../teamApi";

interface StaffPickerProps<T extends FieldValues, O> {
  trajectoryId: string;
  control: Control<T, unknown, O>;
  /** The form field that holds the chosen person's id ("" while nobody is chosen). */
  name: Path<T>;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
}

/**
 * Type part of a name, pick a person: a combobox with a list of results (WAI-ARIA APG
 * "combobox with listbox popup"). Arrow keys move through the results, Enter picks, Escape
 * closes the list; each result shows name, organisation, role and professional secrecy.
 * People on the team already are shown but cannot be picked.
 */
export function StaffPicker<T extends FieldValues, O>({ trajectoryId, control, name, label, hint, error }: StaffPickerProps<T, O>) {
  const { t } = useTranslation();
  const {
    field: { ref: fieldRef, onChange: setValue, onBlur: touched },
  } = useController({ control, name });
  const id = useId();
  const listId = `${id}-list`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const [text, setText] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [chosen, setChosen] = useState<TeamCandidate | null>(null);
  const term = useDebounced(text, 250);
  const search = useTeamCandidateSearch(trajectoryId, term, open || text !== "");
  const results = search.data ?? [];
  const typing = term !== text || search.isFetching;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined;

  const pick = (candidate: TeamCandidate) => {
    if (candidate.on_team) return;
    setChosen(candidate);
    setText(candidate.name);
    setOpen(false);
    setActive(-1);
    setValue(candidate.id);
  };

  const move = (step: number) => {
    if (results.length === 0) return;
    setOpen(true);
    setActive((current) => (current + step + results.length) % results.length);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      move(open ? 1 : 0);
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      move(-1);
    } else if (event.key === "Enter" && open) {
      // Enter picks the highlighted person; it never submits the form from the search box.
      event.preventDefault();
      const candidate = results[active];
      if (candidate) pick(candidate);
    } else if (event.key === "Escape" && open) {
      // Close the list, not the dialog.
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
      setActive(-1);
    }
  };

  const status = !open
    ? ""
    : typing
      ? t("team.picker.searching")
      : search.isError
        ? t("team.picker.error")
        : results.length === 0
          ? t("team.picker.none")
          : t("team.picker.count", { count: results.length });

  return (
    <div className={`field staff-picker${error ? " field--invalid" : ""}`}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      )}
      <input
        id={id}
        ref={fieldRef}
        name={name}
        type="text"
        role="combobox"
        className="field__input"
        autoComplete="off"
        spellCheck={false}
        placeholder={t("team.picker.placeholder")}
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && active >= 0 ? `${listId}-${active}` : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
          setActive(-1);
          if (chosen) {
            setChosen(null);
            setValue("");
          }
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => {
          setOpen(false);
          touched();
        }}
        onKeyDown={onKeyDown}
      />
      <p className="visually-hidden" role="status" aria-live="polite">
        {status}
      </p>
      {open && results.length === 0 && (
        <p className="staff-picker__empty" aria-hidden="true">
          {status}
        </p>
      )}
      <div id={listId} role="listbox" aria-label={t("team.picker.results")} className="staff-picker__list" hidden={!open || results.length === 0}>
        {open &&
          results.map((candidate, index) => (
            // The keyboard stays in the search box (aria-activedescendant): options take clicks only.
            // eslint-disable-next-line jsx-a11y/click-events-have-key-events
            <div
              key={candidate.id}
              id={`${listId}-${index}`}
              role="option"
              tabIndex={-1}
              aria-selected={index === active}
              aria-disabled={candidate.on_team || undefined}
              className={`staff-picker__option${index === active ? " staff-picker__option--active" : ""}`}
              // Keep the focus in the search box while the pointer picks.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => pick(candidate)}
            >
              <span className="staff-picker__name">{candidate.name}</span>
              <span className="staff-picker__meta">
                {candidate.organisation_name} · {t(`role.${candidate.role}`)}
                {candidate.bound_by_professional_secrecy && ` · ${t("team.picker.secrecy")}`}
                {candidate.on_team && ` · ${t("team.picker.onTeam")}`}
              </span>
            </div>
          ))}
      </div>
      {chosen && (
        <p className="staff-picker__chosen">
          {t("team.picker.chosen", {
            name: chosen.name,
            organisation: chosen.organisation_name,
            role: t(`role.${chosen.role}`),
          })}
        </p>
      )}
    </div>
  );
}
