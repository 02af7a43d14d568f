"""Battery item 12: known vulnerabilities in what we ship (`make supply-chain`).

pip-audit checks the Python environment, `npm audit --omit=dev` the SPA's runtime packages.
A finding fails unless it is listed in ACCEPTED with its reason. Where the registry does not
answer from this machine, that is printed as such (never as "no vulnerabilities").
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# advisory id → why it does not apply to Werkpad (reviewed; remove when fixed upstream)
ACCEPTED: dict[str, str] = {}


def python_findings() -> tuple[list[str], str]:
    freeze = subprocess.run(
        [sys.executable, "-m", "pip", "freeze", "--exclude-editable"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    requirements = ROOT / "var" / "supply-chain-requirements.txt"
    requirements.parent.mkdir(exist_ok=True)
    requirements.write_text(freeze)
    audit = [sys.executable, "-m", "pip_audit", "--vulnerability-service", "pypi"]
    run = subprocess.run(
        [*audit, "--progress-spinner", "off", "--format", "json", "-r", str(requirements)],
        capture_output=True,
        text=True,
        check=False,
    )
    try:
        report = json.loads(run.stdout)
    except json.JSONDecodeError:
        return [], f"pip-audit did not run: {run.stderr.strip()[-300:]}"
    dependencies = report["dependencies"]
    skipped = [d for d in dependencies if d.get("skip_reason")]
    findings = [
        f"{d['name']} {d['version']}: {v['id']}"
        for d in dependencies
        for v in d.get("vulns", [])
        if v["id"] not in ACCEPTED
    ]
    audited = len(dependencies) - len(skipped)
    summary = f"pip-audit: {audited}/{len(dependencies)} packages audited"
    if skipped:
        summary += f" ({len(skipped)} not answered by PyPI from this machine)"
    return findings, summary


def npm_findings() -> tuple[list[str], str]:
    run = subprocess.run(
        ["npm", "audit", "--omit=dev", "--json"],
        cwd=ROOT / "frontend",
        capture_output=True,
        text=True,
        check=False,
    )
    try:
        report = json.loads(run.stdout)
    except json.JSONDecodeError:
        return [], "npm audit: no answer"
    if "error" in report or "message" in report:
        reason = report.get("message") or report["error"].get("summary") or "no reason given"
        return [], f"npm audit: the registry refused ({reason.split(' - ')[0]})"
    findings = [
        f"{name}: {advisory}"
        for name, entry in report.get("vulnerabilities", {}).items()
        for advisory in entry.get("via", [])
        if isinstance(advisory, dict) and str(advisory.get("source")) not in ACCEPTED
    ]
    return findings, f"npm audit: {len(report.get('vulnerabilities', {}))} vulnerable packages"


def main() -> int:
    python, python_summary = python_findings()
    npm, npm_summary = npm_findings()
    findings = python + npm
    print(f"supply chain: {python_summary}; {npm_summary}; {len(findings)} unaccepted findings")
    for finding in findings:
        print(f"  {finding}")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
