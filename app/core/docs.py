"""Interactive API docs served from the installation itself.

FastAPI's default page loads Swagger UI from a CDN and starts it with an inline script; both
break our CSP (and a closed network). Here the assets come from the swagger-ui-bundle package
and the start-up code is a separate same-origin script.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, HTTPException
from fastapi.responses import FileResponse, HTMLResponse, Response
from swagger_ui_bundle import swagger_ui_path

from app.core.middleware import CONTENT_SECURITY_POLICY

# Swagger UI sets inline styles on its own elements; scripts stay 'self' only.
DOCS_CSP = CONTENT_SECURITY_POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
ASSETS = {"swagger-ui.css", "swagger-ui-bundle.js", "favicon-32x32.png"}

PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Werkpad API</title>
<link rel="stylesheet" href="{base}/docs/assets/swagger-ui.css">
<link rel="icon" href="{base}/docs/assets/favicon-32x32.png">
</head>
<body>
<div id="swagger-ui"></div>
<script src="{base}/docs/assets/swagger-ui-bundle.js"></script>
<script src="{base}/docs/init.js"></script>
</body>
</html>
"""

INIT = """window.ui = SwaggerUIBundle({{
  url: "{base}/openapi.json",
  dom_id: "#swagger-ui",
  deepLinking: true,
  persistAuthorization: false,
}});
"""


def install_docs(app: FastAPI, base: str) -> None:
    headers = {"Content-Security-Policy": DOCS_CSP, "Cache-Control": "no-cache"}
    assets_dir = Path(str(swagger_ui_path))

    @app.get(f"{base}/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return HTMLResponse(PAGE.format(base=base), headers=headers)

    @app.get(f"{base}/docs/init.js", include_in_schema=False)
    def docs_init() -> Response:
        return Response(INIT.format(base=base), media_type="text/javascript", headers=headers)

    @app.get(f"{base}/docs/assets/{{name}}", include_in_schema=False)
    def docs_asset(name: str) -> FileResponse:
        if name not in ASSETS:
            raise HTTPException(status_code=404, detail="Not Found")
        return FileResponse(assets_dir / name, headers={"Cache-Control": "public, max-age=86400"})
