import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";

import { LoadMore, TableRegion, YesNo } from "../../../components/DataTable";
import { EmptyState, ErrorMessage, Loading } from "../../../components/StatusMessage";
import { useDialogs } from "../../../components/useDialogs";
import type { Me } from "../../auth/api";
import { useWorkFloorList, type Organisation, type WorkFloor } from "../api";
import { canManageWorkFloors } from "../organisationForm";
import { AddWorkFloorDialog, EditWorkFloorDialog, WorkFloorActiveDialog } from "./WorkFloorDialogs";

type FloorDialog = { kind: "add" } | { kind: "edit"; floor: WorkFloor } | { kind: "active"; floor: WorkFloor };

/**
 * An organisation's work floors (werkvloeren), inactive ones included. Admins of the organisation
 * (and platform admins) add them, change them (the capacity) and deactivate them; never delete.
 */
export function WorkFloorList({ me, organisation }: { me: Me; organisation: Organisation }) {
  const { t } = useTranslation();
  const list = useWorkFloorList(organisation.id);
  const dialogs = useDialogs<FloorDialog>();
  const manages = canManageWorkFloors(me, organisation.id);
  const floors = list.data?.pages.flatMap((page) => page.items) ?? [];
  const total = list.data?.pages.at(-1)?.total ?? 0;
  const caption = t("admin.workFloors.caption", { organisation: organisation.name });
  const headingId = `work-floors-${organisation.id}`;
  const heading = useRef<HTMLHeadingElement>(null);
  // Opened from a row of a long list: take the reader (and the keyboard) to it.
  useEffect(() => heading.current?.focus(), []);

  return (
    <section className="panel" aria-labelledby={headingId}>
      <div className="section-head">
        <h3 id={headingId} ref={heading} tabIndex={-1}>
          {caption}
        </h3>
        {manages && (
          <div className="section-head__actions">
            <button type="button" className="button button--primary" onClick={() => dialogs.show({ kind: "add" })}>
              {t("admin.workFloors.add.open")}
            </button>
          </div>
        )}
      </div>
      <div role="status">{dialogs.message && <p className="alert alert--success">{dialogs.message}</p>}</div>
      {list.isPending ? (
        <Loading>{t("admin.workFloors.loading")}</Loading>
      ) : list.isError && !list.isFetchNextPageError ? (
        <ErrorMessage title={t("admin.workFloors.error")} error={list.error} onRetry={() => void list.refetch()} />
      ) : floors.length === 0 ? (
        <EmptyState>{t("admin.workFloors.empty", { organisation: organisation.name })}</EmptyState>
      ) : (
        <>
          <TableRegion caption={caption}>
            <thead>
              <tr>
                <th scope="col">{t("admin.workFloors.name")}</th>
                <th scope="col">{t("admin.workFloors.activity")}</th>
                <th scope="col" className="table__number">
                  {t("admin.workFloors.capacity")}
                </th>
                <th scope="col">{t("admin.workFloors.active")}</th>
                {manages && (
                  <th scope="col">
                    <span className="visually-hidden">{t("admin.workFloors.actions")}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {floors.map((floor) => (
                <tr key={floor.id}>
                  <th scope="row">{floor.name}</th>
                  <td>{floor.activity ?? <span className="muted">{t("common.notFilledIn")}</span>}</td>
                  <td className="table__number">{floor.capacity}</td>
                  <td>
                    <YesNo value={floor.is_active} />
                  </td>
                  {manages && (
                    <td>
                      <div className="row-actions">
                        <button type="button" className="button button--secondary" onClick={() => dialogs.show({ kind: "edit", floor })}>
                          {t("admin.workFloors.edit.open")}
                          <span className="visually-hidden"> {floor.name}</span>
                        </button>
                        <button type="button" className="button button--secondary" onClick={() => dialogs.show({ kind: "active", floor })}>
                          {floor.is_active ? t("admin.workFloors.activation.deactivate") : t("admin.workFloors.activation.reactivate")}
                          <span className="visually-hidden"> {floor.name}</span>
                        </button>
                      </div>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </TableRegion>
          {list.isFetchNextPageError && <ErrorMessage title={t("admin.workFloors.error")} error={list.error} />}
          <LoadMore shown={floors.length} total={total} hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoadMore={() => void list.fetchNextPage()} />
        </>
      )}
      {dialogs.open?.kind === "add" && (
        <AddWorkFloorDialog organisationId={organisation.id} organisationName={organisation.name} onClose={dialogs.close} onDone={dialogs.finish} />
      )}
      {dialogs.open?.kind === "edit" && <EditWorkFloorDialog key={dialogs.open.floor.id} floor={dialogs.open.floor} onClose={dialogs.close} onDone={dialogs.finish} />}
      {dialogs.open?.kind === "active" && (
        <WorkFloorActiveDialog key={dialogs.open.floor.id} floor={dialogs.open.floor} onClose={dialogs.close} onDone={dialogs.finish} />
      )}
    </section>
  );
}
