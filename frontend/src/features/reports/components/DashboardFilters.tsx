import { useState } from "react";
import { useTranslation } from "react-i18next";

import { SelectField } from "../../../components/Fields";
import { TextField } from "../../../components/TextField";
import { formatDayFirstDate, parseDayFirstDate } from "../../../forms/dates";
import {
  PERIOD_PRESETS,
  presetOf,
  presetPeriod,
  type DashboardFilters as Filters,
  type PeriodPreset,
  type PeriodProblem,
} from "../filters";

export interface FilterOption {
  value: string;
  label: string;
}

interface PeriodFieldProps {
  label: string;
  value: string;
  error: string | undefined;
  onChange: (iso: string | null) => void;
}

/**
 * A date typed day first. The URL changes only for a whole date, or when the field is emptied
 * (back to the default period), never halfway through typing.
 */
function PeriodField({ label, value, error, onChange }: PeriodFieldProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(() => formatDayFirstDate(value));
  const [shown, setShown] = useState(value);
  const [touched, setTouched] = useState(false);
  if (value !== shown) {
    setShown(value);
    if (parseDayFirstDate(text) !== value) setText(formatDayFirstDate(value));
  }
  const invalid = touched && text.trim() !== "" && parseDayFirstDate(text) === null;
  return (
    <TextField
      label={label}
      hint={t("dashboard.filters.dateHint")}
      value={text}
      inputMode="numeric"
      autoComplete="off"
      maxLength={10}
      className="field__input--date"
      error={invalid ? t("form.validation.date") : error}
      onBlur={() => setTouched(true)}
      onChange={(event) => {
        const typed = event.target.value;
        setText(typed);
        if (typed.trim() === "") onChange(null);
        else {
          const iso = parseDayFirstDate(typed);
          if (iso) onChange(iso);
        }
      }}
    />
  );
}

interface DashboardFiltersProps {
  filters: Filters;
  today: string;
  problem: PeriodProblem | null;
  organisations: readonly FilterOption[];
  workFloors: readonly FilterOption[];
  frameworks: readonly FilterOption[];
  narrowed: boolean;
  onChange: (change: Partial<Filters>) => void;
  onClear: () => void;
}

/** Keeps the chosen value among the options even when the period has no figures for it. */
function withSelected(options: readonly FilterOption[], selected: string | null, missing: string): readonly FilterOption[] {
  if (!selected || options.some((option) => option.value === selected)) return options;
  return [...options, { value: selected, label: missing }];
}

function isPreset(value: string): value is PeriodPreset {
  return (PERIOD_PRESETS as readonly string[]).includes(value);
}

/** Period, organisation, work floor and framework; every change goes to the URL at once. */
export function DashboardFilters({
  filters,
  today,
  problem,
  organisations,
  workFloors,
  frameworks,
  narrowed,
  onChange,
  onClear,
}: DashboardFiltersProps) {
  const { t } = useTranslation();
  const preset = presetOf(filters, today);
  const missing = t("dashboard.filters.noFigures");
  const orgOptions = withSelected(organisations, filters.organisationId, missing);
  const floorOptions = withSelected(workFloors, filters.workFloorId, missing);
  const frameworkOptions = withSelected(frameworks, filters.framework, missing);
  const fromError = problem === "tooLong" ? t("dashboard.filters.tooLong") : undefined;
  const toError = problem === "order" ? t("dashboard.filters.order") : problem === "future" ? t("dashboard.filters.future") : undefined;

  return (
    <section className="panel" aria-label={t("dashboard.filters.label")}>
      <div className="toolbar">
        <fieldset className="filters dashboard-filters">
          <legend className="visually-hidden">{t("dashboard.filters.label")}</legend>
          <SelectField
            label={t("dashboard.filters.period")}
            value={preset}
            onChange={(event) => {
              if (isPreset(event.target.value)) onChange(presetPeriod(event.target.value, today));
            }}
          >
            {PERIOD_PRESETS.map((one) => (
              <option key={one} value={one}>
                {t(`dashboard.filters.preset.${one}`)}
              </option>
            ))}
            <option value="custom" disabled={preset !== "custom"}>
              {t("dashboard.filters.preset.custom")}
            </option>
          </SelectField>
          <PeriodField label={t("dashboard.from")} value={filters.from} error={fromError} onChange={(from) => onChange({ from: from ?? "" })} />
          <PeriodField label={t("dashboard.to")} value={filters.to} error={toError} onChange={(to) => onChange({ to: to ?? "" })} />
          {orgOptions.length > 1 || filters.organisationId ? (
            <SelectField
              label={t("dashboard.filters.organisation")}
              value={filters.organisationId ?? ""}
              onChange={(event) => onChange({ organisationId: event.target.value || null, workFloorId: null })}
            >
              <option value="">{t("dashboard.filters.allOrganisations")}</option>
              {orgOptions.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </SelectField>
          ) : null}
          <SelectField
            label={t("dashboard.filters.workFloor")}
            value={filters.workFloorId ?? ""}
            onChange={(event) => onChange({ workFloorId: event.target.value || null })}
          >
            <option value="">{t("dashboard.filters.allWorkFloors")}</option>
            {floorOptions.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t("dashboard.filters.framework")}
            value={filters.framework ?? ""}
            onChange={(event) => onChange({ framework: event.target.value || null })}
          >
            <option value="">{t("dashboard.filters.allFrameworks")}</option>
            {frameworkOptions.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </SelectField>
          {narrowed && (
            <button type="button" className="button button--ghost filters__clear" onClick={onClear}>
              {t("dashboard.filters.clear")}
            </button>
          )}
        </fieldset>
      </div>
    </section>
  );
}
