import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { PhaseBadge, StatusBadge } from "../../../components/Badges";
import { PageHeading } from "../../../components/PageHeading";
import { useFormat } from "../../../components/useFormat";
import type { TrajectorySummary } from "../api";

interface SummaryViewProps {
  summary: TrajectorySummary;
  frameworkName: (code: string) => string;
}

/** What a partner organisation's manager may know: initials, framework, phase and dates. Never names or notes. */
export function SummaryView({ summary, frameworkName }: SummaryViewProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const title = t("summaryView.title", { initials: summary.participant_initials });
  return (
    <div className="page">
      <nav aria-label={t("dossier.breadcrumbLabel")} className="breadcrumb">
        <Link to="/samenwerking">{t("partnership.title")}</Link>
        <span aria-hidden="true"> › </span>
        <span aria-current="page">{summary.participant_initials}</span>
      </nav>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="alert alert--info">{t("summaryView.onlySummary")}</p>
      <section className="card" aria-labelledby="summary-heading">
        <h2 id="summary-heading">
          {t("dossier.trajectory")}: {frameworkName(summary.framework_code)}
        </h2>
        <dl className="facts">
          <div>
            <dt>{t("dossier.phase")}</dt>
            <dd>
              <PhaseBadge phase={summary.phase} />
              <span className="facts__sub">{t("summaryView.since", { date: format.date(summary.phase_since, "long") })}</span>
            </dd>
          </div>
          <div>
            <dt>{t("dossier.status")}</dt>
            <dd>
              <StatusBadge status={summary.status} />
            </dd>
          </div>
          <div>
            <dt>{t("dossier.referredOn")}</dt>
            <dd>{format.date(summary.referred_on, "long")}</dd>
          </div>
          <div>
            <dt>{t("dossier.startedOn")}</dt>
            <dd>{summary.started_on ? format.date(summary.started_on, "long") : t("dossier.notStarted")}</dd>
          </div>
          {summary.closed_on && (
            <div>
              <dt>{t("dossier.closedOn")}</dt>
              <dd>{format.date(summary.closed_on, "long")}</dd>
            </div>
          )}
        </dl>
      </section>
    </div>
  );
}
