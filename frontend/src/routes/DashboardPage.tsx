import { useCallback, useRef, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";

import { PageHeading } from "../components/PageHeading";
import { EmptyState, ErrorMessage, Loading } from "../components/StatusMessage";
import { useUpdateSearchParams } from "../components/useUpdateSearchParams";
import { todayIso } from "../i18n/format";
import { useCaseloads, useIndicators, type DrillTarget, type IndicatorReport, type ReportQuery } from "../features/reports/api";
import { DefinitionList } from "../features/reports/components/DefinitionList";
import { DashboardFilters, type FilterOption } from "../features/reports/components/DashboardFilters";
import { DrillDialog } from "../features/reports/components/DrillDialog";
import { ExportButtons } from "../features/reports/components/ExportButtons";
import { DestinationsSection, FlowSection, FunnelSection } from "../features/reports/components/FlowSections";
import { CaseloadSection, IpsSection } from "../features/reports/components/IpsSections";
import { KpiTiles } from "../features/reports/components/KpiTiles";
import { CohortSection, RetentionSection } from "../features/reports/components/OutcomeSections";
import { DrillContext } from "../features/reports/drill";
import { isEmptyReport } from "../features/reports/figures";
import {
  cohortGrouping,
  flowGrouping,
  hasNarrowingFilters,
  parseDashboardFilters,
  periodProblem,
  reportQuery,
  withDashboardFilters,
  type DashboardFilters as Filters,
} from "../features/reports/filters";
import { useReportFormat } from "../features/reports/useReportFormat";
import { useFrameworkName } from "../features/trajectories/api";

/** The groups of a report by organisation, work floor or framework, as filter choices. */
function optionsFrom(report: IndicatorReport | undefined, param: string, label: (key: string, label: string) => string = (_, name) => name): FilterOption[] {
  return (report?.groups ?? [])
    .filter((group) => group.drill?.[param] !== undefined)
    .map((group) => ({ value: group.drill?.[param] ?? group.key, label: label(group.key, group.label) }))
    .sort((a, b) => a.label.localeCompare(b.label));
}

/** A panel whose own report (per month, per quarter) is still loading or failed. */
function PendingPanel({ title, wide = false, children }: { title: string; wide?: boolean; children: ReactNode }) {
  return (
    <section className={`report-panel${wide ? " report-panel--wide" : ""}`} aria-label={title}>
      <h2 className="report-panel__title">{title}</h2>
      {children}
    </section>
  );
}

export function DashboardPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const updateParams = useUpdateSearchParams();
  const format = useReportFormat();
  const frameworkName = useFrameworkName();
  const [drill, setDrill] = useState<DrillTarget | null>(null);
  // A bar or point in a chart is an SVG element, which the dialog does not give focus back to.
  const opener = useRef<HTMLElement | SVGElement | null>(null);
  const openDrill = useCallback((target: DrillTarget) => {
    const active = document.activeElement;
    opener.current = active instanceof HTMLElement || active instanceof SVGElement ? active : null;
    setDrill(target);
  }, []);
  const closeDrill = () => {
    setDrill(null);
    const back = opener.current;
    window.setTimeout(() => back?.focus(), 0);
  };

  const today = todayIso();
  const filters = parseDashboardFilters(params, today);
  const problem = periodProblem(filters, today);
  const query = problem ? null : reportQuery(filters);
  const flowBy = flowGrouping(filters.from, filters.to);
  const cohortBy = cohortGrouping(filters.from, filters.to);

  const overall = useIndicators(query, null);
  const flow = useIndicators(query, flowBy);
  const cohorts = useIndicators(query, cohortBy);
  const quarters = useIndicators(query, "quarter");
  const caseloads = useCaseloads(query);

  // Filter choices: what the caller reports on in this period (their scope, not every organisation).
  const period: ReportQuery | null = problem ? null : { from: filters.from, to: filters.to };
  const withOrganisation = period && filters.organisationId ? { ...period, organisation_id: filters.organisationId } : period;
  const withFloor = withOrganisation && filters.workFloorId ? { ...withOrganisation, work_floor_id: filters.workFloorId } : withOrganisation;
  const organisationGroups = useIndicators(period, "organisation");
  const floorGroups = useIndicators(withOrganisation, "work_floor");
  const frameworkGroups = useIndicators(withFloor, "framework");
  const floorOptions = optionsFrom(floorGroups.data, "work_floor_id");
  const frameworkLabel = (code: string, label: string) => {
    const name = frameworkName(code);
    return name === code ? label : name;
  };

  const change = (next: Partial<Filters>) => updateParams((current) => withDashboardFilters(current, next, today));
  const clear = () =>
    updateParams((current) =>
      withDashboardFilters(current, { from: "", to: "", organisationId: null, workFloorId: null, framework: null }, today),
    );

  const report = overall.data;
  const group = report?.groups[0];
  const periodText = format.range(report?.from ?? filters.from, report?.to ?? filters.to);
  const fileSuffix = `${filters.from}-${filters.to}`;
  const updating = overall.isFetching && overall.isPlaceholderData;

  const busy = (result: { isFetching: boolean; isPlaceholderData: boolean }) => result.isFetching && result.isPlaceholderData;

  return (
    <DrillContext.Provider value={openDrill}>
      <div className="page dashboard">
        <div className="page-head">
          <PageHeading title={t("dashboard.title")}>{t("dashboard.title")}</PageHeading>
          <ExportButtons query={query} />
        </div>
        <p className="lead">{t("dashboard.intro")}</p>
        <DashboardFilters
          filters={filters}
          today={today}
          problem={problem}
          organisations={optionsFrom(organisationGroups.data, "organisation_id")}
          workFloors={floorOptions}
          frameworks={optionsFrom(frameworkGroups.data, "framework", frameworkLabel)}
          narrowed={hasNarrowingFilters(filters, today)}
          onChange={change}
          onClear={clear}
        />
        {problem ? (
          <p className="alert alert--info">{t("dashboard.filters.fixPeriod")}</p>
        ) : overall.isPending ? (
          <Loading>{t("dashboard.loading")}</Loading>
        ) : overall.isError ? (
          <ErrorMessage title={t("dashboard.error")} error={overall.error} onRetry={() => void overall.refetch()} />
        ) : !report || !group ? null : (
          <>
            <p className="dashboard__period" role="status">
              {updating
                ? t("dashboard.updating")
                : t("dashboard.periodLine", { period: periodText, date: format.date(report.computed_on) })}
            </p>
            {isEmptyReport(group) ? (
              <EmptyState>{t("dashboard.empty")}</EmptyState>
            ) : (
              <>
                <KpiTiles group={group} format={format} periodText={periodText} />
                <div className="report-grid">
                  <FunnelSection group={group} format={format} periodText={periodText} fileSuffix={fileSuffix} busy={updating} />
                  <DestinationsSection group={group} format={format} periodText={periodText} fileSuffix={fileSuffix} busy={updating} />
                  {flow.data ? (
                    <FlowSection groups={flow.data.groups} grouping={flowBy} format={format} fileSuffix={fileSuffix} busy={busy(flow)} />
                  ) : (
                    <PendingPanel title={t(`dashboard.flow.heading.${flowBy}`)} wide>
                      {flow.isError ? (
                        <ErrorMessage title={t("dashboard.error")} error={flow.error} onRetry={() => void flow.refetch()} />
                      ) : (
                        <Loading>{t("dashboard.loading")}</Loading>
                      )}
                    </PendingPanel>
                  )}
                  {cohorts.data ? (
                    <CohortSection
                      overall={group}
                      cohorts={cohorts.data.groups}
                      format={format}
                      fileSuffix={fileSuffix}
                      busy={busy(cohorts)}
                    />
                  ) : (
                    <PendingPanel title={t("dashboard.cohorts.title")}>
                      {cohorts.isError ? (
                        <ErrorMessage title={t("dashboard.error")} error={cohorts.error} onRetry={() => void cohorts.refetch()} />
                      ) : (
                        <Loading>{t("dashboard.loading")}</Loading>
                      )}
                    </PendingPanel>
                  )}
                  <RetentionSection group={group} format={format} periodText={periodText} fileSuffix={fileSuffix} busy={updating} />
                  {quarters.data ? (
                    <IpsSection
                      overall={group}
                      quarters={quarters.data.groups}
                      format={format}
                      periodText={periodText}
                      fileSuffix={fileSuffix}
                      busy={busy(quarters)}
                    />
                  ) : (
                    <PendingPanel title={t("dashboard.ips.title")}>
                      {quarters.isError ? (
                        <ErrorMessage title={t("dashboard.error")} error={quarters.error} onRetry={() => void quarters.refetch()} />
                      ) : (
                        <Loading>{t("dashboard.loading")}</Loading>
                      )}
                    </PendingPanel>
                  )}
                  <CaseloadSection group={group} caseloads={caseloads} format={format} fileSuffix={fileSuffix} busy={busy(caseloads)} />
                </div>
                <DefinitionList />
              </>
            )}
          </>
        )}
        <DrillDialog
          target={drill}
          onClose={closeDrill}
          frameworkName={frameworkName}
          floorName={(id) => floorOptions.find((option) => option.value === id)?.label ?? null}
        />
      </div>
    </DrillContext.Provider>
  );
}
