import { useTranslation } from "react-i18next";
import { Link, Navigate, Outlet, useLocation, useParams, useSearchParams } from "react-router";

import { PageHeading } from "../../components/PageHeading";
import { fullName, preferredNameNote } from "../../components/personName";
import { SelectField } from "../../components/Fields";
import { EmptyState, ErrorMessage, Loading } from "../../components/StatusMessage";
import { TabLinks } from "../../components/Tabs";
import { isApiError } from "../../api/problem";
import { useDialogs } from "../../components/useDialogs";
import { useFormat } from "../../components/useFormat";
import { AccessPanel } from "../../features/access/components/AccessPanel";
import { DossierNotFound } from "../../features/access/components/DossierNotFound";
import type { Me } from "../../features/auth/api";
import { can } from "../../features/auth/permissions";
import { useParticipant, type Participant } from "../../features/participants/api";
import { ParticipantChanges } from "../../features/participants/components/ParticipantChanges";
import { ParticipantEditDialog } from "../../features/participants/components/ParticipantEditDialog";
import { useFrameworkName, useParticipantTrajectories, useTrajectory } from "../../features/trajectories/api";
import { OpenTrajectoryDialog } from "../../features/trajectories/components/OpenTrajectoryDialog";
import { TeamList } from "../../features/trajectories/components/TeamList";
import { TrajectorySummary } from "../../features/trajectories/components/TrajectorySummary";
import { useCurrentUser } from "../currentUser";
import { mayBreakGlass } from "./access";
import { DOSSIER_TABS, TRAJECTORY_PARAM, type DossierContext } from "./context";

function ParticipantHeading({ participant, me }: { participant: Participant; me: Me }) {
  const { t } = useTranslation();
  const format = useFormat();
  const dialogs = useDialogs<"edit">();
  const name = fullName(participant);
  const preferred = preferredNameNote(participant);
  return (
    <header className="dossier__person">
      <nav aria-label={t("dossier.breadcrumbLabel")} className="breadcrumb">
        <Link to="/deelnemers">{t("dossier.breadcrumb")}</Link>
        <span aria-hidden="true"> › </span>
        <span aria-current="page">{name}</span>
      </nav>
      <PageHeading title={name}>{name}</PageHeading>
      <p className="dossier__meta">
        {preferred && <span>{t("caseload.preferred", { name: preferred })}</span>}
        <span>{t("dossier.born", { date: format.date(participant.birth_date, "long") })}</span>
        {/* The work floor's view (coaches) leaves target groups out: they hint at health. */}
        {(participant.view === "full" ? participant.target_groups : []).map((group) => (
          <span key={group} className="tag">
            {t(`targetGroup.${group}`)}
          </span>
        ))}
      </p>
      {can(me, "participants:write") && (
        <div className="form-actions">
          <button type="button" className="button button--secondary" onClick={() => dialogs.show("edit")}>
            {t("participants.edit.open")}
          </button>
        </div>
      )}
      {dialogs.message !== null && (
        <p className="alert alert--success" role="status">
          {dialogs.message}
        </p>
      )}
      {/* The history holds old values of fields a coach may not read (INSZ, address). */}
      {can(me, "participants:read_full") && <ParticipantChanges participantId={participant.id} />}
      {dialogs.open === "edit" && <ParticipantEditDialog participant={participant} onClose={dialogs.close} onDone={dialogs.finish} />}
    </header>
  );
}

function NoTrajectory({ participantId, participantName, canOpen, justCreated }: { participantId: string; participantName: string; canOpen: boolean; justCreated: boolean }) {
  const { t } = useTranslation();
  const dialogs = useDialogs<"open">();
  return (
    <div className="stack">
      {justCreated && dialogs.message === null && (
        <p className="alert alert--success" role="status">
          {t("participantForm.created", { name: participantName })}
        </p>
      )}
      <EmptyState>{t("dossier.noTrajectory")}</EmptyState>
      {canOpen && (
        <div>
          <button type="button" className="button button--primary" onClick={() => dialogs.show("open")}>
            {t("openTrajectory.open")}
          </button>
        </div>
      )}
      {dialogs.open === "open" && (
        <OpenTrajectoryDialog participantId={participantId} participantName={participantName} onClose={dialogs.close} onDone={dialogs.finish} />
      )}
    </div>
  );
}

/** Which trajectory to show: ?traject= when it is one of theirs, else the current one, else the newest. */
function useChosenTrajectoryId(participant: Participant | undefined) {
  const [params] = useSearchParams();
  const all = useParticipantTrajectories(participant?.id ?? "");
  const asked = params.get(TRAJECTORY_PARAM);
  const items = all.data?.items ?? [];
  const chosen =
    (asked && items.some((item) => item.id === asked) ? asked : null) ??
    participant?.current_trajectory?.id ??
    items[0]?.id ??
    null;
  return { chosen, all };
}

export function DossierLayout() {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useCurrentUser();
  const { participantId = "" } = useParams();
  const { pathname, search } = useLocation();
  const [params, setParams] = useSearchParams();
  const participant = useParticipant(participantId);
  const { chosen, all } = useChosenTrajectoryId(participant.data);
  const trajectory = useTrajectory(chosen);
  const frameworkName = useFrameworkName();

  if (participant.isPending) return <Loading>{t("dossier.loading")}</Loading>;
  if (isApiError(participant.error) && participant.error.status === 404) {
    return <DossierNotFound trajectoryId={params.get(TRAJECTORY_PARAM)} mayBreakGlass={mayBreakGlass(me)} />;
  }
  if (participant.isError) {
    return (
      <div className="page">
        <ErrorMessage title={t("dossier.error")} error={participant.error} onRetry={() => void participant.refetch()} />
        <Link to="/deelnemers">{t("dossier.breadcrumb")}</Link>
      </div>
    );
  }

  const name = fullName(participant.data);
  const base = `/deelnemers/${participantId}`;
  // /deelnemers/:id opens the tab a role needs most: attendance for a coach, the timeline for others.
  if (pathname.replace(/\/$/, "") === base) {
    const first = me.role === "coach" ? "aanwezigheid" : "tijdlijn";
    return <Navigate to={`${first}${search}`} replace />;
  }

  const trajectories = all.data?.items ?? [];
  const context: DossierContext | null = trajectory.data ? { me, participant: participant.data, trajectory: trajectory.data } : null;

  return (
    <div className="page dossier">
      <ParticipantHeading participant={participant.data} me={me} />
      {trajectories.length > 1 && chosen && (
        <div className="dossier__picker">
          <SelectField
            label={t("dossier.otherTrajectories")}
            value={chosen}
            onChange={(event) =>
              setParams(
                (current) => {
                  const next = new URLSearchParams(current);
                  next.set(TRAJECTORY_PARAM, event.target.value);
                  return next;
                },
                { replace: true },
              )
            }
          >
            {trajectories.map((item) => (
              <option key={item.id} value={item.id}>
                {t("dossier.trajectoryOption", {
                  framework: frameworkName(item.framework_code),
                  date: format.date(item.referred_on),
                  status: t(`trajectoryStatus.${item.status}`),
                })}
              </option>
            ))}
          </SelectField>
        </div>
      )}
      {chosen === null && all.isPending ? (
        <Loading>{t("dossier.loading")}</Loading>
      ) : chosen === null && all.isError ? (
        <ErrorMessage title={t("dossier.error")} error={all.error} onRetry={() => void all.refetch()} />
      ) : chosen === null ? (
        <NoTrajectory participantId={participantId} participantName={name} canOpen={can(me, "trajectories:manage")} justCreated={params.get("nieuw") === "1"} />
      ) : trajectory.isPending ? (
        <Loading>{t("dossier.loading")}</Loading>
      ) : trajectory.isError ? (
        <ErrorMessage title={t("dossier.error")} error={trajectory.error} onRetry={() => void trajectory.refetch()} />
      ) : (
        <>
          <AccessPanel trajectoryId={trajectory.data.id} />
          <div className="dossier__top">
            <TrajectorySummary trajectory={trajectory.data} participantName={name} canManage={can(me, "trajectories:manage")} />
            <TeamList
              trajectoryId={trajectory.data.id}
              canManage={can(me, "trajectories:manage") && trajectory.data.status !== "closed"}
            />
          </div>
          <TabLinks
            label={t("dossier.tabsLabel")}
            tabs={DOSSIER_TABS.filter((tab) => !("needs" in tab) || can(me, tab.needs)).map((tab) => ({
              to: `${base}/${tab.path}${search}`,
              label: t(`dossier.tab.${tab.key}`),
            }))}
          />
          <div className="dossier__tab">{context && <Outlet context={context} />}</div>
        </>
      )}
    </div>
  );
}
