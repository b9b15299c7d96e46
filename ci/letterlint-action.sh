#!/usr/bin/env bash
# The lint step of the GitHub Action (action.yml): annotations within GitHub's limits, a job summary,
# a SARIF file for code scanning and an HTML report, and the exit code of the run.
# Inputs arrive as environment variables (LETTERLINT_*), so the script can be run, and tested, outside Actions.
set -uo pipefail
paths=${LETTERLINT_PATHS:-.}
sarif=${LETTERLINT_SARIF:-letterlint.sarif}
html=${LETTERLINT_HTML:-letterlint.html}
fail_on=${LETTERLINT_FAIL_ON:-warning}
read -r -a extra <<< "${LETTERLINT_ARGS:-}"
read -r -a targets <<< "$paths"

# 1. SARIF for code scanning (every finding; never fails the step: the second run decides)
letterlint --format sarif --output-file "$sarif" --exit-zero "${extra[@]}" "${targets[@]}"
sarif_status=$?
# 2. annotations (errors and warnings first, within GitHub's limits), the job summary, the HTML report
letterlint --format github --fail-on "$fail_on" --report "$html" "${extra[@]}" "${targets[@]}"
status=$?
if [ -n "${GITHUB_OUTPUT:-}" ]; then
  { echo "sarif-file=$sarif"; echo "html-report=$html"; echo "exit-code=$status"; } >> "$GITHUB_OUTPUT"
fi
if [ "$sarif_status" -eq 2 ] && [ "$status" -ne 2 ]; then
  status=2
fi
exit "$status"
