import { useTranslation } from "react-i18next";

import { LoadMore, TableRegion } from "../../../components/DataTable";
import { EmptyState, ErrorMessage, Loading } from "../../../components/StatusMessage";
import { useDialogs } from "../../../components/useDialogs";
import type { Me } from "../../auth/api";
import { can, canManagePartnership } from "../../auth/permissions";
import { usePartnershipList, type Partnership } from "../api";
import { leadName } from "../partnershipForm";
import { PartnershipCreateDialog, PartnershipEditDialog } from "./PartnershipDialogs";

type PartnershipDialog = { kind: "create" } | { kind: "edit"; partnership: Partnership };

function PartnershipRow({ partnership, me, onEdit }: { partnership: Partnership; me: Me; onEdit: (p: Partnership) => void }) {
  const { t } = useTranslation();
  return (
    <tr>
      <th scope="row">{partnership.name}</th>
      <td>{leadName(partnership) ?? <span className="muted">{t("common.notFilledIn")}</span>}</td>
      <td>
        <ul className="plain-list">
          {partnership.members.map((member) => (
            <li key={member.organisation_id}>
              {member.organisation_name} <span className="muted">· {t(`admin.partnerships.role.${member.partner_role}`)}</span>
            </li>
          ))}
        </ul>
      </td>
      <td>
<div className="row-actions">
        {canManagePartnership(me, partnership.lead_organisation_id) && (
          <button type="button" className="button button--secondary" onClick={() => onEdit(partnership)}>
            {t("admin.partnerships.edit")}
            <span className="visually-hidden"> {partnership.name}</span>
          </button>
        )}
      </div>
</td>
    </tr>
  );
}

/** The samenwerkingsverbanden: everyone in Beheer reads them, their lead organisation shapes them. */
export function PartnershipList({ me }: { me: Me }) {
  const { t } = useTranslation();
  const list = usePartnershipList();
  const dialogs = useDialogs<PartnershipDialog>();
  const partnerships = list.data?.pages.flatMap((page) => page.items) ?? [];
  const total = list.data?.pages.at(-1)?.total ?? 0;

  return (
    <section className="panel" aria-labelledby="partnerships-heading">
      <div className="section-head">
        <h2 id="partnerships-heading">{t("admin.partnerships.caption")}</h2>
        {can(me, "partnerships:manage") && (
          <div className="section-head__actions">
            <button type="button" className="button button--primary" onClick={() => dialogs.show({ kind: "create" })}>
              {t("admin.partnerships.create")}
            </button>
          </div>
        )}
      </div>
      <p className="muted">{t("admin.partnerships.intro")}</p>
      <div role="status">{dialogs.message && <p className="alert alert--success">{dialogs.message}</p>}</div>
      {list.isPending ? (
        <Loading>{t("admin.partnerships.loading")}</Loading>
      ) : list.isError && !list.isFetchNextPageError ? (
        <ErrorMessage title={t("admin.partnerships.error")} error={list.error} onRetry={() => void list.refetch()} />
      ) : partnerships.length === 0 ? (
        <EmptyState>{t("admin.partnerships.empty")}</EmptyState>
      ) : (
        <>
          <TableRegion caption={t("admin.partnerships.caption")}>
            <thead>
              <tr>
                <th scope="col">{t("admin.partnerships.name")}</th>
                <th scope="col">{t("admin.partnerships.lead")}</th>
                <th scope="col">{t("admin.partnerships.members")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("admin.partnerships.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {partnerships.map((partnership) => (
                <PartnershipRow key={partnership.id} partnership={partnership} me={me} onEdit={(p) => dialogs.show({ kind: "edit", partnership: p })} />
              ))}
            </tbody>
          </TableRegion>
          {list.isFetchNextPageError && <ErrorMessage title={t("admin.partnerships.error")} error={list.error} />}
          <LoadMore
            shown={partnerships.length}
            total={total}
            hasMore={list.hasNextPage}
            loading={list.isFetchingNextPage}
            onLoadMore={() => void list.fetchNextPage()}
          />
        </>
      )}
      {dialogs.open?.kind === "create" && <PartnershipCreateDialog me={me} onClose={dialogs.close} onDone={dialogs.finish} />}
      {dialogs.open?.kind === "edit" && (
        <PartnershipEditDialog me={me} partnership={dialogs.open.partnership} onClose={dialogs.close} onDone={dialogs.finish} />
      )}
    </section>
  );
}
