// The admin screens, each behind its guard; loaded only when someone opens "Beheer".
import { AuditLog } from "../../features/access/components/AuditLog";
import { OrganisationList } from "../../features/organisations/components/OrganisationList";
import { PartnershipList } from "../../features/organisations/components/PartnershipList";
import { CompetenceItemList } from "../../features/progress/components/CompetenceItemList";
import { UserList } from "../../features/users/components/UserList";
import { useCurrentUser } from "../currentUser";
import { AdminSectionGuard } from "./AdminSectionGuard";

export function OrganisationsSection() {
  const me = useCurrentUser();
  return (
    <AdminSectionGuard section="organisations">
      <OrganisationList me={me} />
    </AdminSectionGuard>
  );
}

export function UsersSection() {
  const me = useCurrentUser();
  return (
    <AdminSectionGuard section="users">
      <UserList me={me} />
    </AdminSectionGuard>
  );
}

export function PartnershipsSection() {
  const me = useCurrentUser();
  return (
    <AdminSectionGuard section="partnerships">
      <PartnershipList me={me} />
    </AdminSectionGuard>
  );
}

export function CompetenceItemsSection() {
  const me = useCurrentUser();
  return (
    <AdminSectionGuard section="competenceItems">
      <CompetenceItemList me={me} />
    </AdminSectionGuard>
  );
}

export function AuditSection() {
  return (
    <AdminSectionGuard section="audit">
      <AuditLog />
    </AdminSectionGuard>
  );
}
