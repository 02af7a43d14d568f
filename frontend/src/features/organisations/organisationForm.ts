// Pure helpers for the organisation and work-floor forms: who may use which action, and how a
// stored record becomes form values (text, as typed).

import type { Organisation, OrganisationKind, WorkFloor } from "./api";

export const ORGANISATION_KINDS = [
  "work_care",
  "maatwerkbedrijf",
  "mediation",
  "care",
  "empowerment",
  "ocmw",
  "employer",
  "funder",
  "platform",
] as const satisfies readonly OrganisationKind[];

export const PROVINCES = ["antwerpen", "limburg", "oost_vlaanderen", "vlaams_brabant", "west_vlaanderen", "brussel"] as const satisfies readonly NonNullable<
  Organisation["province"]
>[];

interface Principal {
  permissions: readonly string[];
  is_platform_admin: boolean;
  organisation: { id: string };
}

/** Mirrors policies.require_in_organisation: the permission, in one's own organisation unless platform admin. */
function inOrganisation(me: Principal | undefined, permission: string, organisationId: string): boolean {
  if (!me?.permissions.includes(permission)) return false;
  return me.is_platform_admin || me.organisation.id === organisationId;
}

export function canEditOrganisation(me: Principal | undefined, organisationId: string): boolean {
  return inOrganisation(me, "organisations:update", organisationId);
}

/** Only platform admins add organisations or change an organisation's kind. */
export function canCreateOrganisation(me: Principal | undefined): boolean {
  return Boolean(me?.is_platform_admin && me.permissions.includes("organisations:create"));
}

export function canManageWorkFloors(me: Principal | undefined, organisationId: string): boolean {
  return inOrganisation(me, "work_floors:manage", organisationId);
}

export function organisationValues(organisation: Organisation) {
  return {
    name: organisation.name,
    kind: organisation.kind as string,
    kbo_number: organisation.kbo_number ?? "",
    ama_recognition_number: organisation.ama_recognition_number ?? "",
    province: organisation.province ?? "",
  };
}

export function workFloorValues(floor: WorkFloor) {
  return { name: floor.name, activity: floor.activity ?? "", address: floor.address ?? "", capacity: String(floor.capacity) };
}
