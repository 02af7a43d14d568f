import { useId } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";

import { PHASES, TRAJECTORY_STATUSES, isPhase, isTrajectoryStatus } from "../../../api/enums";
import { SelectField } from "../../../components/Fields";
import { useUpdateSearchParams } from "../../../components/useUpdateSearchParams";
import { hasActiveFilters, parseCaseloadFilters, withCaseloadFilters, type CaseloadFilters as Filters } from "../filters";

/** Phase, status and "mine" filters, written to the URL at once (replace: no history per click). */
export function CaseloadFilters() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const updateParams = useUpdateSearchParams();
  const filters = parseCaseloadFilters(params);
  const mineId = useId();
  const overdueId = useId();

  const update = (change: Partial<Filters>) => {
    updateParams((current) => withCaseloadFilters(current, change));
  };

  return (
    <fieldset className="filters">
      <legend className="visually-hidden">{t("caseload.filtersLabel")}</legend>
      <SelectField
        label={t("caseload.phase")}
        value={filters.phase ?? ""}
        onChange={(event) => update({ phase: isPhase(event.target.value) ? event.target.value : null })}
      >
        <option value="">{t("caseload.any")}</option>
        {PHASES.map((phase) => (
          <option key={phase} value={phase}>
            {t(`phase.${phase}`)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t("caseload.status")}
        value={filters.status ?? ""}
        onChange={(event) => update({ status: isTrajectoryStatus(event.target.value) ? event.target.value : null })}
      >
        <option value="">{t("caseload.any")}</option>
        {TRAJECTORY_STATUSES.map((status) => (
          <option key={status} value={status}>
            {t(`trajectoryStatus.${status}`)}
          </option>
        ))}
      </SelectField>
      <div className="filters__switches">
        <div className="checkbox">
          <input id={mineId} type="checkbox" checked={filters.mine} onChange={(event) => update({ mine: event.target.checked })} />
          <label htmlFor={mineId}>{t("caseload.mine")}</label>
        </div>
        <div className="checkbox">
          <input id={overdueId} type="checkbox" checked={filters.overdue} onChange={(event) => update({ overdue: event.target.checked })} />
          <label htmlFor={overdueId}>{t("caseload.overdue")}</label>
        </div>
      </div>
      {hasActiveFilters(filters) && (
        <button
          type="button"
          className="button button--ghost filters__clear"
          onClick={() => update({ q: "", phase: null, status: null, mine: false, overdue: false })}
        >
          {t("caseload.clear")}
        </button>
      )}
    </fieldset>
  );
}
