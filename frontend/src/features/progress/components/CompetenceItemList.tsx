import { useTranslation } from "react-i18next";

import { TableRegion, YesNo } from "../../../components/DataTable";
import { SectionHead } from "../../../components/SectionHead";
import { EmptyState, ErrorMessage, Loading } from "../../../components/StatusMessage";
import { useDialogs } from "../../../components/useDialogs";
import { can } from "../../auth/permissions";
import type { Me } from "../../auth/api";
import { useCompetenceItemsForAdmin, type CompetenceItem } from "../api";
import { AddCompetenceItemDialog, CompetenceItemActiveDialog, EditCompetenceItemDialog } from "./CompetenceItemDialogs";

type CompetenceDialog = { kind: "add" } | { kind: "edit"; item: CompetenceItem } | { kind: "active"; item: CompetenceItem };

/**
 * The competence items progress logs score: the organisation's own list, or the default set while
 * it has none. Admins add, rename, reorder and deactivate (never delete: scores point at items);
 * the default set itself is kept by platform admins.
 */
export function CompetenceItemList({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const items = useCompetenceItemsForAdmin();
  const dialogs = useDialogs<CompetenceDialog>();
  const english = i18n.resolvedLanguage === "en";
  const manages = can(me, "competence_items:manage");
  const rows = [...(items.data ?? [])].sort((a, b) => a.sort_order - b.sort_order || a.code.localeCompare(b.code));
  // The list is either the organisation's own or the default set, never a mix.
  const defaultSet = rows.length > 0 && rows.every((item) => item.organisation_id === null);
  const editable = (item: CompetenceItem) => manages && (item.organisation_id !== null || me.is_platform_admin);
  const showActions = rows.some(editable);

  return (
    <section className="panel" aria-labelledby="competence-heading">
      <SectionHead id="competence-heading" title={t("admin.competence.caption")} message={dialogs.message}>
        {manages && (
          <button type="button" className="button button--primary" onClick={() => dialogs.show({ kind: "add" })}>
            {t("admin.competence.add.open")}
          </button>
        )}
      </SectionHead>
      {defaultSet && (
        <p className="alert alert--info">
          {me.is_platform_admin ? t("admin.competence.defaultSetPlatform") : manages ? t("admin.competence.defaultSetAdmin") : t("admin.competence.defaultSet")}
        </p>
      )}
      {items.isPending ? (
        <Loading>{t("admin.competence.loading")}</Loading>
      ) : items.isError ? (
        <ErrorMessage title={t("admin.competence.error")} error={items.error} onRetry={() => void items.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState>{t("admin.competence.empty")}</EmptyState>
      ) : (
        <TableRegion caption={t("admin.competence.caption")}>
          <thead>
            <tr>
              <th scope="col" className="table__number">
                {t("admin.competence.order")}
              </th>
              <th scope="col">{t("admin.competence.name")}</th>
              <th scope="col">{t("admin.competence.code")}</th>
              <th scope="col">{t("admin.competence.active")}</th>
              {showActions && (
                <th scope="col">
                  <span className="visually-hidden">{t("admin.competence.actions")}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {rows.map((item) => {
              const name = english ? item.name_en : item.name_nl;
              return (
                <tr key={item.id}>
                  <td className="table__number">{item.sort_order}</td>
                  <th scope="row">{name}</th>
                  <td>
                    <code>{item.code}</code>
                  </td>
                  <td>
                    <YesNo value={item.is_active} />
                  </td>
                  {showActions && (
                    <td>
                      {editable(item) && (
                        <div className="row-actions row-actions--stacked">
                          <button type="button" className="button button--secondary" onClick={() => dialogs.show({ kind: "edit", item })}>
                            {t("admin.competence.edit.open")}
                            <span className="visually-hidden"> {name}</span>
                          </button>
                          <button type="button" className="button button--secondary" onClick={() => dialogs.show({ kind: "active", item })}>
                            {item.is_active ? t("admin.competence.activation.deactivate") : t("admin.competence.activation.reactivate")}
                            <span className="visually-hidden"> {name}</span>
                          </button>
                        </div>
                      )}
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </TableRegion>
      )}
      {dialogs.open?.kind === "add" && (
        <AddCompetenceItemDialog
          defaultSet={defaultSet && me.is_platform_admin}
          startsOwnList={defaultSet && !me.is_platform_admin}
          onClose={dialogs.close}
          onDone={dialogs.finish}
        />
      )}
      {dialogs.open?.kind === "edit" && <EditCompetenceItemDialog key={dialogs.open.item.id} item={dialogs.open.item} onClose={dialogs.close} onDone={dialogs.finish} />}
      {dialogs.open?.kind === "active" && (
        <CompetenceItemActiveDialog key={dialogs.open.item.id} item={dialogs.open.item} onClose={dialogs.close} onDone={dialogs.finish} />
      )}
    </section>
  );
}
