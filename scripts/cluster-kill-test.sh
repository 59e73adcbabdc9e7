#!/usr/bin/env bash
# The kill test against any two running nodes of one cluster: a burst of inquiry submissions
# over both nodes, node A killed in the middle, then the result checked in the database (and
# at Mailpit when given).
#
#   scripts/cluster-kill-test.sh NODE_A_URL NODE_B_URL 'COMMAND THAT KILLS NODE A' [SUBMISSIONS]
#
# Environment:
#   SQL          command that runs one SQL statement given as its last argument and prints
#                unaligned rows, default: psql "$DATABASE_URL" -qAt -c
#                (compose: SQL='docker compose -f docker-compose.cluster.yml exec -T db psql -U casework -d casework -qAt -c')
#   DATABASE_URL for the default SQL, e.g. postgresql://casework:secret@localhost:5432/casework
#   NODE_A_NAME  node A's CASEWORK_NODE_NAME (its job lock owner), default app1
#   MAILPIT_URL  optional, e.g. http://localhost:8025: every mail of the burst is checked to
#                have arrived once (by Message-ID)
#   PARALLEL     concurrent clients, default 16
#
# Example with docker-compose.cluster.yml (its nodes alone on 127.0.0.1:18081 and :18082):
#   SQL='docker compose -f docker-compose.cluster.yml exec -T db psql -U casework -d casework -qAt -c' \
#   MAILPIT_URL=http://localhost:8025 \
#   scripts/cluster-kill-test.sh http://localhost:18081 http://localhost:18082 \
#     'docker compose -f docker-compose.cluster.yml kill -s SIGKILL app1'
#
# The rate limit of submissions must be off on both nodes (CASEWORK_INTAKE_RATE_LIMIT_PER_MINUTE=0).
# Exit code 0 when every check passed.
set -euo pipefail

if [ "$#" -lt 3 ]; then
  sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'
  exit 2
fi
NODE_A="${1%/}"
NODE_B="${2%/}"
KILL_A="$3"
SUBMISSIONS="${4:-200}"
NODE_A_NAME="${NODE_A_NAME:-app1}"
PARALLEL="${PARALLEL:-16}"
if [ -z "${SQL:-}" ]; then
  : "${DATABASE_URL:?set DATABASE_URL or SQL}"
  SQL="psql $DATABASE_URL -qAt -c"
fi

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
FAILED=0
fail() { echo "FAIL: $*"; FAILED=1; }
sql() { $SQL "$1"; }

for node in "$NODE_A" "$NODE_B"; do
  curl -fsS "$node/actuator/health" | grep -q '"UP"' || { echo "$node is not healthy"; exit 1; }
done

# One submission: node A for even numbers while it lives, node B otherwise (as a proxy would).
submit() {
  local i="$1" node="$NODE_B"
  if [ $((i % 2)) -eq 0 ] && [ ! -e "$WORK/killed" ]; then node="$NODE_A"; fi
  local body code
  body="$(curl -sS -m 300 -o - -w '\n%{http_code}' -H 'Content-Type: application/json' \
    -d "{\"applicantName\":\"試験 花子\",\"organization\":\"浜松市 国際課\",\"municipalityCode\":\"221309\",
         \"email\":\"kill-test-$i@example.jp\",\"language\":\"ja\",\"field\":\"INTERPRETATION_TRANSLATION\",
         \"subject\":\"通訳の依頼 $i\",\"body\":\"姉妹都市の訪問団のための通訳をお願いします。\"}" \
    "$node/api/inquiries" 2>/dev/null)" || body=$'\n000'
  code="$(tail -n1 <<<"$body")"
  number="$(sed -n 's/.*"trackingNumber":"\([^"]*\)".*/\1/p' <<<"$body" | head -n1)"
  echo "$code ${number:--}" >>"$WORK/answers"
}
export -f submit
export NODE_A NODE_B WORK

echo "Sending $SUBMISSIONS submissions over $NODE_A and $NODE_B ($PARALLEL at a time)..."
touch "$WORK/answers"
seq 1 "$SUBMISSIONS" | xargs -P "$PARALLEL" -I{} bash -c 'submit {}' &
BURST=$!

# Kill node A after a third of the answers, while it holds jobs if possible.
while [ "$(wc -l <"$WORK/answers")" -lt $((SUBMISSIONS / 3)) ]; do sleep 0.2; done
held="$(sql "select count(*) from act_ru_job where lock_owner_ = '$NODE_A_NAME'")"
echo "Killing node A after $(wc -l <"$WORK/answers") answers (it holds $held job(s)): $KILL_A"
sql "select id_ from act_ru_job where lock_owner_ = '$NODE_A_NAME'" >"$WORK/orphaned" || true
touch "$WORK/killed"
killed_at=$(date +%s.%N)
bash -c "$KILL_A"
sql "select id_ from act_ru_job where lock_owner_ = '$NODE_A_NAME'" >>"$WORK/orphaned"
wait "$BURST" || true

# Takeover: none of node A's jobs still locked by it, then none left at all.
taken_over="" finished=""
for _ in $(seq 1 900); do
  now=$(date +%s.%N)
  still_a="$(sql "select count(*) from act_ru_job where lock_owner_ = '$NODE_A_NAME'")"
  [ -z "$taken_over" ] && [ "$still_a" = "0" ] && taken_over="$(awk "BEGIN { printf \"%.1f\", $now - $killed_at }")"
  if [ -s "$WORK/orphaned" ]; then
    ids="$(sort -u "$WORK/orphaned" | sed "s/.*/'&'/" | paste -sd, -)"
    open="$(sql "select count(*) from act_ru_job where id_ in ($ids)")"
  else
    open=0
  fi
  if [ -n "$taken_over" ] && [ "$open" = "0" ]; then finished="$(awk "BEGIN { printf \"%.1f\", $now - $killed_at }")"; break; fi
  sleep 0.2
done
echo "Node A's $(sort -u "$WORK/orphaned" | grep -c . || true) job(s): taken over after ${taken_over:-never} s, finished after ${finished:-never} s"
[ -n "$taken_over" ] || fail "node A's jobs were not taken over"
if [ -n "$taken_over" ] && awk "BEGIN { exit !($taken_over >= 60) }"; then fail "takeover took $taken_over s (more than 60)"; fi

echo "Answers by status: $(cut -d' ' -f1 "$WORK/answers" | sort | uniq -c | tr -s ' ' | paste -sd, -)"
if grep -qv '^\(201\|000\) ' "$WORK/answers"; then fail "answers other than 201 or a lost connection"; fi
grep '^201 ' "$WORK/answers" | cut -d' ' -f2 | sort >"$WORK/accepted"
[ "$(sort -u "$WORK/accepted" | wc -l)" -eq "$(wc -l <"$WORK/accepted")" ] || fail "duplicate tracking numbers"

# Every accepted submission at reception exactly once.
numbers="$(sed "s/.*/'&'/" "$WORK/accepted" | paste -sd, -)"
if [ -n "$numbers" ]; then
  bad="$(sql "select i.tracking_number from inquiry i where i.tracking_number in ($numbers)
      and (i.status <> 'WAITING_FOR_RECEPTION'
        or (select count(*) from act_ru_task t join act_ru_execution e on e.id_ = t.proc_inst_id_
            where e.business_key_ = i.tracking_number and t.task_def_key_ = 'UserTask_ReceiveInquiry') <> 1)")"
  [ -z "$bad" ] || fail "not at reception exactly once: $bad"
  found="$(sql "select count(*) from inquiry where tracking_number in ($numbers)")"
  [ "$found" -eq "$(wc -l <"$WORK/accepted")" ] || fail "accepted submissions missing in the database"
fi

# Every receipt mail sent, and (with Mailpit) received once per Message-ID.
for _ in $(seq 1 600); do
  [ "$(sql "select count(*) from act_ru_job where process_def_key_ = 'OutgoingMail'")" = "0" ] && break
  sleep 0.5
done
if [ -n "$numbers" ]; then
  unsent="$(sql "select count(*) from outgoing_mail where reference in ($numbers) and sent_at is null")"
  [ "$unsent" = "0" ] || fail "$unsent mail(s) not sent"
  if [ -n "${MAILPIT_URL:-}" ]; then
    sql "select message_id || ' ' || (attempts - failed_attempts - 1) from outgoing_mail where reference in ($numbers)" \
      >"$WORK/mails"
    curl -fsS "${MAILPIT_URL%/}/api/v1/messages?limit=100000" \
      | grep -o '"MessageID":"[^"]*"' | sed 's/"MessageID":"\(.*\)"/<\1>/' | sort | uniq -c >"$WORK/received"
    while read -r id cut; do
      copies="$(awk -v id="$id" '$2 == id { print $1 }' "$WORK/received")"
      if [ -z "$copies" ]; then fail "mail $id not received";
      elif [ "$copies" -gt $((1 + cut)) ]; then fail "mail $id received $copies times";
      elif [ "$copies" -gt 1 ]; then echo "note: mail $id received twice after a transfer cut by the kill"; fi
    done <"$WORK/mails"
  fi
fi

if [ "$FAILED" -eq 0 ]; then echo "PASSED: $(wc -l <"$WORK/accepted") accepted submissions, all at 受付 once, all mails sent"; fi
exit "$FAILED"
