# SPDX-License-Identifier: EUPL-1.2
"""Summarise a pip-audit JSON report for CI: what was audited, what was not.

pip-audit itself fails on a known vulnerability. This names the packages the
advisory database did not answer for (an index mirror without them, no
network); with WIJKAANPAK_AUDIT=strict those fail the step too.
"""

from __future__ import annotations

import json
import os
import sys


def main(path: str) -> int:
    with open(path, encoding="utf-8") as file:
        found = json.load(file)["dependencies"]
    skipped = sorted(item["name"] for item in found if "skip_reason" in item)
    vulnerable = sorted(item["name"] for item in found if item.get("vulns"))
    audited = len(found) - len(skipped)
    if vulnerable:
        print(f"known vulnerabilities in: {', '.join(vulnerable)}", file=sys.stderr)
        return 1
    print(
        f"audited {audited} of {len(found)} installed packages: no known vulnerabilities"
    )
    if skipped:
        word = "NOT AUDITED" if audited == 0 else "PARTLY AUDITED"
        print(
            f"{word}: the advisory database did not answer for {len(skipped)} "
            f"package(s): {', '.join(skipped)}",
            file=sys.stderr,
        )
        if os.environ.get("WIJKAANPAK_AUDIT") == "strict":
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
