import { useTranslation } from "react-i18next";

import { TableRegion, YesNo } from "../../../components/DataTable";
import { EmptyState, ErrorMessage, Loading } from "../../../components/StatusMessage";
import { useFormat } from "../../../components/useFormat";
import { SectionHead } from "../../../components/SectionHead";
import { useDialogs } from "../../../components/useDialogs";
import { useEmployerContacts, useEmployerNames, useInternships, useJobs } from "../api";
import { EmployerContactDialog, InternshipDialog, JobDialog, NewEmployerDialog } from "./EmploymentDialogs";

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

function Contacts({ trajectoryId, employerName }: { trajectoryId: string; employerName: (id: string | null) => string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const contacts = useEmployerContacts(trajectoryId);

  if (contacts.isPending) return <Loading>{t("employment.loading")}</Loading>;
  if (contacts.isError) return <ErrorMessage title={t("employment.error")} error={contacts.error} onRetry={() => void contacts.refetch()} />;
  if (contacts.data.items.length === 0) return <EmptyState>{t("employment.noContacts")}</EmptyState>;
  return (
    <TableRegion caption={t("employment.contacts")}>
      <thead>
        <tr>
          <th scope="col">{t("employment.contactDate")}</th>
          <th scope="col">{t("employment.employerColumn")}</th>
          <th scope="col">{t("employment.purpose")}</th>
          <th scope="col">{t("employment.how")}</th>
        </tr>
      </thead>
      <tbody>
        {contacts.data.items.map((contact) => (
          <tr key={contact.id}>
            <th scope="row" className="table__nowrap">
              {format.date(contact.contacted_on)}
            </th>
            <td>
              {employerName(contact.employer_id)}
              {contact.summary && <span className="table__note">{contact.summary}</span>}
            </td>
            <td>{t(`contactPurpose.${contact.purpose}`)}</td>
            <td>{contact.in_person ? t("employment.contact.inPersonShort") : t("employment.contact.remoteShort")}</td>
          </tr>
        ))}
      </tbody>
    </TableRegion>
  );
}

type EmploymentDialog = "internship" | "job" | "contact" | "employer";

interface EmploymentOverviewProps {
  trajectoryId: string;
  participantId: string;
  /** The trajectory's first day: an internship cannot start earlier. */
  earliest: string;
  canWrite: boolean;
}

export function EmploymentOverview({ trajectoryId, participantId, earliest, canWrite }: EmploymentOverviewProps) {
  const { t } = useTranslation();
  const employers = useEmployerNames();
  const dialogs = useDialogs<EmploymentDialog>();
  const employerName = (id: string | null) => (id ? (employers.data?.get(id) ?? "") : "");
  return (
    <div className="stack stack--sections">
      {canWrite && (
        <div className="toolbar toolbar--inline" role="group" aria-label={t("employment.actionsLabel")}>
          <button type="button" className="button button--primary" onClick={() => dialogs.show("internship")}>
            {t("employment.internship.open")}
          </button>
          <button type="button" className="button button--primary" onClick={() => dialogs.show("job")}>
            {t("employment.job.open")}
          </button>
          <button type="button" className="button button--secondary" onClick={() => dialogs.show("contact")}>
            {t("employment.contact.open")}
          </button>
          <button type="button" className="button button--secondary" onClick={() => dialogs.show("employer")}>
            {t("employment.employer.open")}
          </button>
        </div>
      )}
      <div role="status">{dialogs.message && <p className="alert alert--success">{dialogs.message}</p>}</div>
      <section aria-labelledby="internships-heading" className="stack">
        <SectionHead id="internships-heading" title={t("employment.internships")} />
        <Internships trajectoryId={trajectoryId} employerName={employerName} />
      </section>
      <section aria-labelledby="jobs-heading" className="stack">
        <SectionHead id="jobs-heading" title={t("employment.jobs")} />
        <Jobs participantId={participantId} employerName={employerName} />
      </section>
      <section aria-labelledby="contacts-heading" className="stack">
        <SectionHead id="contacts-heading" title={t("employment.contacts")} />
        <Contacts trajectoryId={trajectoryId} employerName={employerName} />
      </section>
      {dialogs.open === "internship" && (
        <InternshipDialog trajectoryId={trajectoryId} earliest={earliest} onClose={dialogs.close} onDone={dialogs.finish} />
      )}
      {dialogs.open === "job" && <JobDialog participantId={participantId} trajectoryId={trajectoryId} onClose={dialogs.close} onDone={dialogs.finish} />}
      {dialogs.open === "contact" && <EmployerContactDialog trajectoryId={trajectoryId} onClose={dialogs.close} onDone={dialogs.finish} />}
      {dialogs.open === "employer" && <NewEmployerDialog onClose={dialogs.close} onDone={dialogs.finish} />}
    </div>
  );
}
