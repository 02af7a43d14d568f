import { useTranslation } from "react-i18next";

import { TableRegion, YesNo } from "../../../components/DataTable";
import { EmptyState, ErrorMessage, Loading } from "../../../components/StatusMessage";
import { useFormat } from "../../../components/useFormat";
import { useEmployerNames, useInternships, useJobs } from "../api";

function usePeriod() {
  const { t } = useTranslation();
  const format = useFormat();
  return (from: string, to: string | null) =>
    to ? t("common.period", { from: format.date(from), to: format.date(to) }) : t("common.periodOpen", { from: format.date(from) });
}

function Internships({ trajectoryId, employerName }: { trajectoryId: string; employerName: (id: string | null) => string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const period = usePeriod();
  const internships = useInternships(trajectoryId);

  if (internships.isPending) return <Loading>{t("employment.loading")}</Loading>;
  if (internships.isError) {
    return <ErrorMessage title={t("employment.error")} error={internships.error} onRetry={() => void internships.refetch()} />;
  }
  if (internships.data.items.length === 0) return <EmptyState>{t("employment.noInternships")}</EmptyState>;
  return (
    <TableRegion caption={t("employment.internships")}>
      <thead>
        <tr>
          <th scope="col">{t("employment.type")}</th>
          <th scope="col">{t("employment.period")}</th>
          <th scope="col">{t("employment.hoursPerWeek")}</th>
          <th scope="col">{t("employment.result")}</th>
        </tr>
      </thead>
      <tbody>
        {internships.data.items.map((internship) => (
          <tr key={internship.id}>
            <th scope="row">
              {t(`internshipType.${internship.type}`)}
              <span className="table__note">
                {employerName(internship.employer_id)}
                {internship.mentor_name && ` · ${t("employment.mentor")}: ${internship.mentor_name}`}
              </span>
            </th>
            <td className="table__nowrap">{period(internship.start_date, internship.end_date)}</td>
            <td className="table__number">{format.number(internship.hours_per_week)}</td>
            <td>
              {t(`internshipResult.${internship.result}`)}
              {internship.early_end_reason && <span className="table__note">{internship.early_end_reason}</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </TableRegion>
  );
}

function Jobs({ participantId, employerName }: { participantId: string; employerName: (id: string | null) => string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const period = usePeriod();
  const jobs = useJobs(participantId);

  if (jobs.isPending) return <Loading>{t("employment.loading")}</Loading>;
  if (jobs.isError) return <ErrorMessage title={t("employment.error")} error={jobs.error} onRetry={() => void jobs.refetch()} />;
  if (jobs.data.items.length === 0) return <EmptyState>{t("employment.noJobs")}</EmptyState>;
  return (
    <TableRegion caption={t("employment.jobs")}>
      <thead>
        <tr>
          <th scope="col">{t("employment.occupation")}</th>
          <th scope="col">{t("employment.period")}</th>
          <th scope="col">{t("employment.contract")}</th>
          <th scope="col">{t("employment.hoursPerWeek")}</th>
          <th scope="col">{t("employment.wage")}</th>
          <th scope="col">{t("employment.support")}</th>
          <th scope="col">{t("employment.competitive")}</th>
        </tr>
      </thead>
      <tbody>
        {jobs.data.items.map((job) => (
          <tr key={job.id}>
            <th scope="row">
              {job.occupation}
              <span className="table__note">{employerName(job.employer_id)}</span>
            </th>
            <td className="table__nowrap">
              {period(job.start_date, job.end_date)}
              {job.end_reason && <span className="table__note">{job.end_reason}</span>}
            </td>
            <td>{t(`contractType.${job.contract_type}`)}</td>
            <td className="table__number">{format.number(job.hours_per_week)}</td>
            <td className="table__number">{format.euro(job.gross_hourly_wage)}</td>
            <td>{t(`supportInstrument.${job.support_instrument}`)}</td>
            <td>
              <YesNo value={job.competitive} />
            </td>
          </tr>
        ))}
      </tbody>
    </TableRegion>
  );
}

export function EmploymentOverview({ trajectoryId, participantId }: { trajectoryId: string; participantId: string }) {
  const { t } = useTranslation();
  const employers = useEmployerNames();
  const employerName = (id: string | null) => (id ? (employers.data?.get(id) ?? "") : "");
  return (
    <div className="stack">
      <section aria-labelledby="internships-heading" className="stack">
        <h2 id="internships-heading">{t("employment.internships")}</h2>
        <Internships trajectoryId={trajectoryId} employerName={employerName} />
      </section>
      <section aria-labelledby="jobs-heading" className="stack">
        <h2 id="jobs-heading">{t("employment.jobs")}</h2>
        <Jobs participantId={participantId} employerName={employerName} />
      </section>
    </div>
  );
}
