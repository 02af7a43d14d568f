import { useState } from "react";
import { useTranslation } from "react-i18next";

import { LoadMore, TableRegion } from "../../../components/DataTable";
import { SearchBox } from "../../../components/SearchBox";
import { SectionHead } from "../../../components/SectionHead";
import { useSearchTerm } from "../../../components/useSearchTerm";
import { EmptyState, ErrorMessage, Loading } from "../../../components/StatusMessage";
import { useDialogs } from "../../../components/useDialogs";
import type { Me } from "../../auth/api";
import { can } from "../../auth/permissions";
import { useOrganisationList, type Organisation } from "../api";
import { formatKboNumber } from "../format";
import { canCreateOrganisation, canEditOrganisation } from "../organisationForm";
import { EditOrganisationDialog, NewOrganisationDialog } from "./OrganisationDialogs";
import { WorkFloorList } from "./WorkFloorList";

type OrganisationDialog = { kind: "add" } | { kind: "edit"; organisation: Organisation };

interface RowProps {
  organisation: Organisation;
  showActions: boolean;
  editable: boolean;
  showsFloors: boolean;
  floorsOpen: boolean;
  onEdit: () => void;
  onToggleFloors: () => void;
}

function OrganisationRow({ organisation, showActions, editable, showsFloors, floorsOpen, onEdit, onToggleFloors }: RowProps) {
  const { t } = useTranslation();
  const kbo = formatKboNumber(organisation.kbo_number);
  return (
    <tr>
      <th scope="row">{organisation.name}</th>
      <td>{t(`organisationKind.${organisation.kind}`)}</td>
      <td className="table__nowrap">{kbo || <span className="muted">{t("common.notFilledIn")}</span>}</td>
      <td>
        {organisation.province ? (
          t(`province.${organisation.province}`)
        ) : (
          <span className="muted">{t("common.notFilledIn")}</span>
        )}
      </td>
      {showActions && (
        <td>
          <div className="row-actions row-actions--stacked">
            {editable && (
              <button type="button" className="button button--secondary" onClick={onEdit}>
                {t("admin.organisations.edit.open")}
                <span className="visually-hidden"> {organisation.name}</span>
              </button>
            )}
            {showsFloors && (
              <button
                type="button"
                className="button button--secondary"
                aria-expanded={floorsOpen}
                aria-controls={floorsOpen ? `work-floors-${organisation.id}` : undefined}
                onClick={onToggleFloors}
              >
                {t("admin.workFloors.open")}
                <span className="visually-hidden"> {organisation.name}</span>
              </button>
            )}
          </div>
        </td>
      )}
    </tr>
  );
}

/**
 * The organisations one may see; admins edit their own (platform admins every one and add new
 * ones), and open an organisation's work floors under the list.
 */
export function OrganisationList({ me }: { me: Me }) {
  const { t } = useTranslation();
  const q = useSearchTerm();
  const list = useOrganisationList(q);
  const dialogs = useDialogs<OrganisationDialog>();
  const [floorsOf, setFloorsOf] = useState<string | null>(null);
  const organisations = list.data?.pages.flatMap((page) => page.items) ?? [];
  const total = list.data?.pages.at(-1)?.total ?? 0;
  const readsFloors = can(me, "work_floors:read");
  const editable = (organisation: Organisation) => canEditOrganisation(me, organisation.id);
  const showActions = readsFloors || organisations.some(editable);
  const floorsOrganisation = organisations.find((organisation) => organisation.id === floorsOf);

  return (
    <>
      <section className="panel" aria-labelledby="organisations-heading">
        <SectionHead id="organisations-heading" title={t("admin.organisations.caption")} message={dialogs.message}>
          {canCreateOrganisation(me) && (
            <button type="button" className="button button--primary" onClick={() => dialogs.show({ kind: "add" })}>
              {t("admin.organisations.add.open")}
            </button>
          )}
        </SectionHead>
        <SearchBox label={t("admin.organisations.searchLabel")} busy={list.isFetching && !list.isFetchingNextPage && !list.isPending} />
        {list.isPending ? (
          <Loading>{t("admin.organisations.loading")}</Loading>
        ) : list.isError && !list.isFetchNextPageError ? (
          <ErrorMessage
            title={t("admin.organisations.error")}
            error={list.error}
            onRetry={() => void list.refetch()}
          />
        ) : organisations.length === 0 ? (
          <EmptyState>{q ? t("admin.organisations.noResults", { q }) : t("admin.organisations.empty")}</EmptyState>
        ) : (
          <>
            <TableRegion caption={t("admin.organisations.caption")}>
              <thead>
                <tr>
                  <th scope="col">{t("admin.organisations.name")}</th>
                  <th scope="col">{t("admin.organisations.kind")}</th>
                  <th scope="col">{t("admin.organisations.kbo")}</th>
                  <th scope="col">{t("admin.organisations.province")}</th>
                  {showActions && (
                    <th scope="col">
                      <span className="visually-hidden">{t("admin.organisations.actions")}</span>
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {organisations.map((organisation) => (
                  <OrganisationRow
                    key={organisation.id}
                    organisation={organisation}
                    showActions={showActions}
                    editable={editable(organisation)}
                    showsFloors={readsFloors}
                    floorsOpen={floorsOf === organisation.id}
                    onEdit={() => dialogs.show({ kind: "edit", organisation })}
                    onToggleFloors={() => setFloorsOf(floorsOf === organisation.id ? null : organisation.id)}
                  />
                ))}
              </tbody>
            </TableRegion>
            {list.isFetchNextPageError && (
              <ErrorMessage title={t("admin.organisations.error")} error={list.error} />
            )}
            <LoadMore
              shown={organisations.length}
              total={total}
              hasMore={list.hasNextPage}
              loading={list.isFetchingNextPage}
              onLoadMore={() => void list.fetchNextPage()}
            />
          </>
        )}
        {dialogs.open?.kind === "add" && <NewOrganisationDialog onClose={dialogs.close} onDone={dialogs.finish} />}
        {dialogs.open?.kind === "edit" && (
          <EditOrganisationDialog
            key={dialogs.open.organisation.id}
            organisation={dialogs.open.organisation}
            canChangeKind={me.is_platform_admin}
            onClose={dialogs.close}
            onDone={dialogs.finish}
          />
        )}
      </section>
      {floorsOrganisation && <WorkFloorList key={floorsOrganisation.id} me={me} organisation={floorsOrganisation} />}
    </>
  );
}
