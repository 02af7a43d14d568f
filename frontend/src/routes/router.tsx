import { createBrowserRouter } from "react-router";

import { AppShell } from "./AppShell";
import { NotFoundPage } from "./NotFoundPage";
import { RequireAuth } from "./RequireAuth";
import { RouteError } from "./RouteError";
import { Splash } from "./Splash";
import { StartPage } from "./StartPage";

// Dutch paths: they are what users see and share ("/beheer/gebruikers?q=an").
export function createAppRouter() {
  return createBrowserRouter([
    // Signed-in people (a reload with the refresh cookie) never need the login form's code.
    {
      path: "/login",
      lazy: async () => ({ Component: (await import("./LoginPage")).LoginPage }),
      errorElement: <RouteError />,
      hydrateFallbackElement: <Splash />,
    },
    {
      element: <RequireAuth />,
      errorElement: <RouteError />,
      hydrateFallbackElement: <Splash />,
      children: [
        {
          element: <AppShell />,
          children: [
            { index: true, element: <StartPage /> },
            // Pages past the start page load on first visit (their code is not in the first download).
            { path: "deelnemers", lazy: async () => ({ Component: (await import("./CaseloadPage")).CaseloadPage }) },
            { path: "deelnemers/nieuw", lazy: async () => ({ Component: (await import("./NewParticipantPage")).NewParticipantPage }) },
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
                { path: "toestemmingen", lazy: async () => ({ Component: (await import("./dossier/tabs")).ConsentsTab }) },
                { path: "tijdlijn", lazy: async () => ({ Component: (await import("./dossier/tabs")).TimelineTab }) },
              ],
            },
            {
              path: "trajecten/:trajectoryId",
              lazy: async () => ({ Component: (await import("./dossier/TrajectoryRedirect")).TrajectoryRedirect }),
            },
            { path: "samenwerking", lazy: async () => ({ Component: (await import("./PartnershipPage")).PartnershipPage }) },
            { path: "werkvloer", lazy: async () => ({ Component: (await import("./FloorDayPage")).FloorDayPage }) },
            // Managers' figures: charts, tables and exports load only when someone opens them.
            { path: "rapportering", lazy: async () => ({ Component: (await import("./DashboardPage")).DashboardPage }) },
            {
              path: "beheer",
              lazy: async () => ({ Component: (await import("./admin/AdminLayout")).AdminLayout }),
              children: [
                { path: "organisaties", lazy: async () => ({ Component: (await import("./admin/sections")).OrganisationsSection }) },
                { path: "gebruikers", lazy: async () => ({ Component: (await import("./admin/sections")).UsersSection }) },
                { path: "samenwerkingsverbanden", lazy: async () => ({ Component: (await import("./admin/sections")).PartnershipsSection }) },
                { path: "competenties", lazy: async () => ({ Component: (await import("./admin/sections")).CompetenceItemsSection }) },
                { path: "toegangslog", lazy: async () => ({ Component: (await import("./admin/sections")).AuditSection }) },
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
