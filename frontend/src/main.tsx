import "./styles/app.css";

import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { I18nextProvider } from "react-i18next";
import { RouterProvider } from "react-router/dom";

import { session } from "./api/client";
import { isApiError } from "./api/problem";
import { loginPath } from "./features/auth/redirect";
import { initI18n } from "./i18n";
import { createAppRouter } from "./routes/router";

declare module "@tanstack/react-query" {
  interface Register {
    /** `handlesOwnErrors`: the caller shows the error itself (e.g. the login form's 401). */
    queryMeta: { handlesOwnErrors?: boolean };
    mutationMeta: { handlesOwnErrors?: boolean };
  }
}

const i18n = initI18n();
const router = createAppRouter();

/**
 * The one place that reacts to "not signed in". By the time a 401 gets here the API client has
 * already tried one token refresh and replayed the request, so the session really is over:
 * forget the token and go to the login page, remembering where the user was going.
 * Other problem+json errors are shown by the component that asked (see StatusMessage).
 */
function onApiError(error: unknown, handlesOwnErrors: boolean | undefined): void {
  if (handlesOwnErrors || !isApiError(error) || error.status !== 401) return;
  if (session.getSnapshot().status !== "signedOut") session.end("expired");
  const here = window.location.pathname + window.location.search;
  if (!here.startsWith("/login")) void router.navigate(loginPath(here), { replace: true });
}

const queryClient = new QueryClient({
  queryCache: new QueryCache({
    onError: (error, query) => onApiError(error, query.meta?.handlesOwnErrors),
  }),
  mutationCache: new MutationCache({
    onError: (error, _variables, _context, mutation) =>
      onApiError(error, mutation.meta?.handlesOwnErrors),
  }),
  defaultOptions: {
    queries: {
      // Retrying a 4xx cannot help; a network blip or a 503 may pass.
      retry: (failureCount, error) =>
        failureCount < 2 && (!isApiError(error) || error.status === 0 || error.status >= 500),
      refetchOnWindowFocus: false,
    },
    mutations: { retry: false },
  },
});

// A reload keeps you signed in: the refresh cookie buys a new access token silently.
void session.refresh();

const container = document.getElementById("root");
if (!container) throw new Error("#root is missing from index.html");

createRoot(container).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </I18nextProvider>
  </StrictMode>,
);
