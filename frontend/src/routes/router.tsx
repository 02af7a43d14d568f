import { createBrowserRouter } from "react-router";

import { OrganisationList } from "../features/organisations/components/OrganisationList";
import { UserList } from "../features/users/components/UserList";
import { AdminLayout } from "./admin/AdminLayout";
import { AdminSectionGuard } from "./admin/AdminSectionGuard";
import { AppShell } from "./AppShell";
import { LoginPage } from "./LoginPage";
import { NotFoundPage } from "./NotFoundPage";
import { RequireAuth } from "./RequireAuth";
import { RouteError } from "./RouteError";
import { StartPage } from "./StartPage";

// Dutch paths: they are what users see and share ("/beheer/gebruikers?q=an").
export function createAppRouter() {
  return createBrowserRouter([
    { path: "/login", element: <LoginPage />, errorElement: <RouteError /> },
    {
      element: <RequireAuth />,
      errorElement: <RouteError />,
      children: [
        {
          element: <AppShell />,
          children: [
            { index: true, element: <StartPage /> },
            // Pages past the start page load on first visit (their code is not in the first download).
            { path: "deelnemers", lazy: async () => ({ Component: (await import("./CaseloadPage")).CaseloadPage }) },
            {
              path: "deelnemers/:participantId",
              lazy: async () => ({ Component: (await import("./dossier/DossierLayout")).DossierLayout }),
              children: [
                { path: "aanwezigheid", lazy: async () => ({ Component: (await import("./dossier/AttendanceTab")).AttendanceTab }) },
                { path: "voortgang", lazy: async () => ({ Component: (await import("./dossier/tabs")).ProgressTab }) },
                { path: "doelen", lazy: async () => ({ Component: (await import("./dossier/tabs")).GoalsTab }) },
                { path: "notities", lazy: async () => ({ Component: (await import("./dossier/tabs")).NotesTab }) },
                { path: "stages-en-jobs", lazy: async () => ({ Component: (await import("./dossier/tabs")).EmploymentTab }) },
                { path: "uitstroom", lazy: async () => ({ Component: (await import("./dossier/tabs")).OutflowTab }) },
                { path: "tijdlijn", lazy: async () => ({ Component: (await import("./dossier/tabs")).TimelineTab }) },
              ],
            },
            {
              path: "trajecten/:trajectoryId",
              lazy: async () => ({ Component: (await import("./dossier/TrajectoryRedirect")).TrajectoryRedirect }),
            },
            { path: "werkvloer", lazy: async () => ({ Component: (await import("./FloorDayPage")).FloorDayPage }) },
            {
              path: "beheer",
              element: <AdminLayout />,
              children: [
                {
                  path: "organisaties",
                  element: (
                    <AdminSectionGuard section="organisations">
                      <OrganisationList />
                    </AdminSectionGuard>
                  ),
                },
                {
                  path: "gebruikers",
                  element: (
                    <AdminSectionGuard section="users">
                      <UserList />
                    </AdminSectionGuard>
                  ),
                },
              ],
            },
            { path: "*", element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ]);
}

export type AppRouter = ReturnType<typeof createAppRouter>;
