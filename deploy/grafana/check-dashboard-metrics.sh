#!/usr/bin/env bash
# Checks the Grafana dashboards against running services.
#
# 1. Every metric in dashboard-metrics.txt (the names the dashboards query) must appear in
#    the /actuator/prometheus output of at least one service:
#      deploy/grafana/check-dashboard-metrics.sh                # the four default ports
#      deploy/grafana/check-dashboard-metrics.sh http://host:9083/actuator/prometheus ...
# 2. With PROMETHEUS_URL set (e.g. http://localhost:9090, a Prometheus scraping them) and jq
#    installed, every dashboard query is evaluated and the ones that return nothing are listed
#    (run some jobs first: rates of metrics that never moved are empty too).
# Exits 1 when a metric is missing or a query is empty. Needs curl (and jq for step 2).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
list="$here/dashboard-metrics.txt"
if [ "$#" -eq 0 ]; then
  set -- http://localhost:9080/actuator/prometheus http://localhost:9081/actuator/prometheus \
    http://localhost:9082/actuator/prometheus http://localhost:9083/actuator/prometheus
fi

scraped="$(mktemp)"
trap 'rm -f "$scraped"' EXIT
for url in "$@"; do
  if ! curl -fsS --max-time 10 "$url" >> "$scraped"; then
    echo "warning: could not scrape $url" >&2
  fi
done

status=0
missing=0
while read -r name source; do
  case "$name" in ''|'#'*) continue ;; esac
  # `up` is made by Prometheus itself, not exported by a service.
  [ "$source" = prometheus ] && continue
  if ! grep -Eq "^${name}(\{| )" "$scraped"; then
    echo "MISSING  $name  (from $source)"
    missing=$((missing + 1))
  fi
done < "$list"
total=$(grep -Evc '^(#|$)' "$list")
echo "metrics: $((total - missing)) of $total listed names found (up excluded from the scrape check)"
[ "$missing" -eq 0 ] || status=1

if [ -n "${PROMETHEUS_URL:-}" ]; then
  command -v jq > /dev/null || { echo "jq is needed to evaluate the queries" >&2; exit 2; }
  empty=0
  queries=0
  while IFS= read -r expr; do
    q="$(printf '%s' "$expr" | sed -e 's/\$__rate_interval/1m/g' -e 's/\$[a-z_]*/.*/g')"
    n="$(curl -fsS --max-time 10 "$PROMETHEUS_URL/api/v1/query" --data-urlencode "query=$q" \
      | jq '.data.result | length')"
    queries=$((queries + 1))
    if [ "$n" = 0 ]; then
      echo "EMPTY    $expr"
      empty=$((empty + 1))
    fi
  done < <(jq -r '.panels[] | (.panels // [])[], . | .targets[]?.expr' "$here"/dashboards/*.json | sort -u)
  echo "queries: $((queries - empty)) of $queries returned data"
  [ "$empty" -eq 0 ] || status=1
fi
exit "$status"
