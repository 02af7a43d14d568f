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
