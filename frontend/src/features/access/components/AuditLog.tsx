import { useId } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";

import { LoadMore, TableRegion } from "../../../components/DataTable";
import { SelectField } from "../../../components/Fields";
import { EmptyState, ErrorMessage, Loading } from "../../../components/StatusMessage";
import { TextField } from "../../../components/TextField";
import { useDebounced } from "../../../components/useDebounced";
import { useFormat } from "../../../components/useFormat";
import { useUpdateSearchParams, withParam } from "../../../components/useUpdateSearchParams";
import { DayFirstDateInput } from "../../../forms/DayFirstDateInput";
import { useAuditEvents, type AuditEvent } from "../api";
import { AUDIT_OUTCOMES, auditQuery, isParticipantId, parseAuditFilters } from "../auditFilters";

const OBJECT_TYPES = [
  "participants",
  "trajectories",
  "notes",
  "attendances",
  "placements",
  "internships",
  "jobs",
  "employers",
  "employer_contacts",
  "break_glass_grants",
  "audit_events",
] as const;
type KnownObject = (typeof OBJECT_TYPES)[number];

const ROLES = ["coach", "mediator", "counsellor", "manager", "admin"] as const;

function isRole(value: string): value is (typeof ROLES)[number] {
  return (ROLES as readonly string[]).includes(value);
}

function isKnownObject(value: string | null): value is KnownObject {
  return value !== null && (OBJECT_TYPES as readonly string[]).includes(value);
}

function EventRow({ event, onParticipant, filtered }: { event: AuditEvent; onParticipant: (id: string) => void; filtered: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const what = isKnownObject(event.object_type) ? t(`audit.object.${event.object_type}`) : (event.object_type ?? event.route);
  return (
    <tr className={event.break_glass_grant_id ? "table__row--warning" : undefined}>
      <th scope="row" className="table__nowrap">
        {format.dateTime(event.occurred_at)}
      </th>
      <td>
        {event.user_name ?? t("audit.unknownUser")}
        <span className="table__note">{isRole(event.user_role) ? t(`role.${event.user_role}`) : event.user_role}</span>
      </td>
      <td>
        {t(`audit.action.${event.action}`)}: {what}
        {event.participant_count > 1 && <span className="table__note">{t("audit.many", { count: event.participant_count })}</span>}
        {event.break_glass_reason && (
          <span className="table__note">
            <strong>{t("audit.breakGlass")}:</strong> {event.break_glass_reason}
          </span>
        )}
      </td>
      <td>
        {filtered ? (
          <span className="muted">{t("audit.thisFile")}</span>
        ) : event.participant_id ? (
          <button type="button" className="button button--ghost" onClick={() => event.participant_id && onParticipant(event.participant_id)}>
            {t("audit.onlyThisFile")}
            <span className="visually-hidden"> ({event.participant_id})</span>
          </button>
        ) : (
          <span className="muted">–</span>
        )}
      </td>
      <td>{t(`audit.outcome.${event.outcome}`)}</td>
    </tr>
  );
}

/** "Wie heeft dit dossier bekeken": every read and change, newest first, filtered in the URL. */
export function AuditLog() {
  const { t } = useTranslation();
  const id = useId();
  const [params] = useSearchParams();
  const updateParams = useUpdateSearchParams();
  const filters = parseAuditFilters(params);
  const query = useDebounced(auditQuery(filters), 300);
  const events = useAuditEvents(query, true);
  const items = events.data?.pages.flatMap((page) => page.items) ?? [];
  const total = events.data?.pages.at(-1)?.total ?? 0;
  const participantInvalid = filters.participant !== "" && !isParticipantId(filters.participant);

  const setFilter = (name: string, value: string) => updateParams((current) => withParam(current, name, value));

  return (
    <section className="stack" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t("audit.title")}</h2>
      <p className="lead">{t("audit.intro")}</p>
      <div className="panel toolbar toolbar--inline" role="search" aria-label={t("audit.filtersLabel")}>
        <TextField
          label={t("audit.participant")}
          hint={t("audit.participantHint")}
          value={filters.participant}
          error={participantInvalid ? t("audit.participantInvalid") : undefined}
          spellCheck={false}
          onChange={(event) => setFilter("deelnemer", event.target.value)}
        />
        <DayFirstDateInput label={t("audit.from")} value={filters.from} onChange={(iso) => setFilter("van", iso)} />
        <DayFirstDateInput label={t("audit.to")} value={filters.to} onChange={(iso) => setFilter("tot", iso)} />
        <SelectField label={t("audit.outcomeLabel")} value={filters.outcome} onChange={(event) => setFilter("uitkomst", event.target.value)}>
          <option value="">{t("audit.anyOutcome")}</option>
          {AUDIT_OUTCOMES.map((outcome) => (
            <option key={outcome} value={outcome}>
              {t(`audit.outcome.${outcome}`)}
            </option>
          ))}
        </SelectField>
      </div>
      {events.isPending ? (
        <Loading>{t("audit.loading")}</Loading>
      ) : events.isError && !events.isFetchNextPageError ? (
        <ErrorMessage title={t("audit.error")} error={events.error} onRetry={() => void events.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState>{t("audit.empty")}</EmptyState>
      ) : (
        <>
          <TableRegion caption={t("audit.caption")}>
            <thead>
              <tr>
                <th scope="col">{t("audit.when")}</th>
                <th scope="col">{t("audit.who")}</th>
                <th scope="col">{t("audit.what")}</th>
                <th scope="col">{t("audit.file")}</th>
                <th scope="col">{t("audit.outcomeLabel")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((event) => (
                <EventRow
                  key={event.id}
                  event={event}
                  filtered={query.participant_id !== undefined}
                  onParticipant={(participantId) => setFilter("deelnemer", participantId)}
                />
              ))}
            </tbody>
          </TableRegion>
          <LoadMore shown={items.length} total={total} hasMore={events.hasNextPage} loading={events.isFetchingNextPage} onLoadMore={() => void events.fetchNextPage()} />
        </>
      )}
    </section>
  );
}
