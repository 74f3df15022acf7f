# The system's database, for ./vanta (sourced; uses RUN_DIR, JAVA_CMD, say and fail from it).
#   h2                 the embedded H2 file in the server's folder (the default)
#   postgres           a PostgreSQL of its own in run/postgres, from Debian's packages, on 127.0.0.1:$PG_PORT,
#                      started before the server and stopped after it
#   postgres=JDBC-URL  an existing PostgreSQL server: user $VANTA_DB_USER (vanta), password in $PG_SERVER_PASSWORD_FILE
# ./vanta start --db CHOICE records the choice in run/database; a start without --db keeps it.

DB_CHOICE_FILE="$RUN_DIR/database"
# The password of the H2 database and of the local PostgreSQL's user vanta, generated.
DB_PASSWORD_FILE="$RUN_DIR/db.password"
# The password for an existing PostgreSQL server (--db postgres=URL), written there by the operator.
PG_SERVER_PASSWORD_FILE="$RUN_DIR/postgres-server.password"
PG_DIR="$RUN_DIR/postgres"
PG_DATA="$PG_DIR/data"
PG_LOG="$PG_DIR/postgres.log"
PG_PORT="${VANTA_PG_PORT:-55432}"

# The recorded choice, or the one given now (recorded for the next start).
choose_database() {
  local given="$1" choice=h2
  [[ -f "$DB_CHOICE_FILE" ]] && choice="$(head -n 1 "$DB_CHOICE_FILE")"
  if [[ -n "$given" ]]; then
    choice="$given"
  fi
  case "$choice" in
    h2|postgres) ;;
    postgres=jdbc:postgresql://?*) ;;
    postgres=*) fail "--db postgres=URL takes a JDBC URL of PostgreSQL, such as jdbc:postgresql://db.example.org:5432/vanta, not '${choice#postgres=}'." ;;
    *) fail "--db takes h2 (the default), postgres (a PostgreSQL of its own in $PG_DIR) or postgres=JDBC-URL (an existing server), not '$choice'." ;;
  esac
  if [[ -n "$given" ]]; then
    (umask 077 && printf '%s\n' "$choice" >"$DB_CHOICE_FILE")
  fi
  DB_CHOICE="$choice"
}

# Sets DB_DRIVER, DB_URL, DB_USER and DB_PASSWORD for the chosen database (H2's file in $1), starting
# the local PostgreSQL when it is the choice.
database_settings() {
  local h2_file="$1"
  case "$DB_CHOICE" in
    h2)
      DB_DRIVER=org.h2.Driver
      # retry: reopens the file when a thread is interrupted inside a read or write (a request cut off at its
      # timeout, a cancelled task); without it H2 closes the database for every connection.
      DB_URL="jdbc:h2:retry:$h2_file;WRITE_DELAY=0"
      DB_USER=vanta
      DB_PASSWORD="$(generated_database_password)"
      ;;
    postgres)
      DB_DRIVER=org.postgresql.Driver
      DB_USER=vanta
      DB_PASSWORD="$(generated_database_password)"
      start_local_postgres
      DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/vanta"
      ;;
    postgres=*)
      DB_DRIVER=org.postgresql.Driver
      DB_URL="${DB_CHOICE#postgres=}"
      DB_USER="${VANTA_DB_USER:-vanta}"
      [[ -s "$PG_SERVER_PASSWORD_FILE" ]] \
        || fail "write the password of PostgreSQL user $DB_USER on its first line into $PG_SERVER_PASSWORD_FILE (chmod 600), then start again (VANTA_DB_USER names another user)."
      DB_PASSWORD="$(head -n 1 "$PG_SERVER_PASSWORD_FILE")"
      ;;
  esac
}

# PostgreSQL's JDBC driver (fetched through Maven) as postgresql.jar in the server's library folder $1.
install_jdbc_driver() {
  [[ "$DB_DRIVER" == org.postgresql.Driver && ! -f "$1/postgresql.jar" ]] || return 0
  say "Fetching PostgreSQL's JDBC driver through Maven into $1 ..."
  (cd "$ROOT" && ./mvnw -q -B -pl config dependency:copy@copy-jdbc-driver -Dvanta.jdbc.dir="$1") \
    || fail "could not fetch PostgreSQL's JDBC driver; the messages above say why."
}

describe_database() {
  case "$DB_CHOICE" in
    h2) printf 'embedded H2 (%s)' "${DB_URL#jdbc:h2:retry:}" ;;
    postgres) printf 'PostgreSQL of its own, %s (data in %s, log %s)' "$DB_URL" "$PG_DATA" "$PG_LOG" ;;
    *) printf 'PostgreSQL at %s (user %s)' "$DB_URL" "$DB_USER" ;;
  esac
}

generated_database_password() {
  if [[ ! -f "$DB_PASSWORD_FILE" ]]; then
    (umask 077 && generate_password >"$DB_PASSWORD_FILE")
    say "Generated the database's password; it is in $DB_PASSWORD_FILE." >&2
  fi
  local password
  password="$(head -n 1 "$DB_PASSWORD_FILE")"
  [[ "$password" =~ ^[A-Za-z0-9]+$ ]] || fail "$DB_PASSWORD_FILE should hold the database's password (letters and digits) on its first line."
  printf '%s' "$password"
}

# A PostgreSQL program: from the newest Debian installation (/usr/lib/postgresql/N/bin), else the PATH.
pg_program() {
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [[ -x "$dir/$1" ]] && { printf '%s' "$dir/$1"; return 0; }
  done
  command -v "$1" 2>/dev/null && return 0
  fail "PostgreSQL's $1 was not found. Install Debian's PostgreSQL (apt-get install postgresql), or start without --db postgres to use the embedded H2."
}

# PostgreSQL refuses to run as root; root runs it as the user Debian's package made, postgres.
as_database_user() {
  if [[ "$(id -u)" -eq 0 ]]; then
    id postgres >/dev/null 2>&1 || fail "running as root, the local PostgreSQL needs the user 'postgres' (Debian's postgresql package makes it)."
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

local_postgres_runs() {
  [[ -f "$PG_DATA/PG_VERSION" ]] && as_database_user "$(pg_program pg_ctl)" -D "$PG_DATA" status >/dev/null 2>&1
}

start_local_postgres() {
  local_postgres_runs && return 0
  [[ -f "$PG_DATA/PG_VERSION" ]] || init_local_postgres
  port_in_use "$PG_PORT" && fail "port $PG_PORT, which the local PostgreSQL uses, is taken by another program. Stop it, or choose another port with VANTA_PG_PORT=N."
  say "Starting PostgreSQL ($PG_DATA, port $PG_PORT) ..."
  as_database_user "$(pg_program pg_ctl)" -D "$PG_DATA" -l "$PG_LOG" -w -t 60 start >/dev/null \
    || fail "PostgreSQL did not start; its log says why: $PG_LOG"
  local exists
  exists="$(PGPASSWORD="$DB_PASSWORD" "$(pg_program psql)" -h 127.0.0.1 -p "$PG_PORT" -U vanta -d postgres -tAc \
    "SELECT 1 FROM pg_database WHERE datname = 'vanta'")" || fail "could not reach the local PostgreSQL on port $PG_PORT; see $PG_LOG."
  if [[ "$exists" != 1 ]]; then
    PGPASSWORD="$DB_PASSWORD" "$(pg_program psql)" -h 127.0.0.1 -p "$PG_PORT" -U vanta -d postgres -qc "CREATE DATABASE vanta" \
      || fail "could not create the database vanta in the local PostgreSQL; see $PG_LOG."
  fi
}

# A new cluster owned by user vanta (password $DB_PASSWORD), answering 127.0.0.1 only, with every
# commit forced to disk (PostgreSQL's default, kept on purpose: it is what survives a power loss).
init_local_postgres() {
  say "Initialising a PostgreSQL database in $PG_DATA ..."
  mkdir -p "$PG_DIR"
  local pwfile="$PG_DIR/initdb.password"
  (umask 077 && printf '%s\n' "$DB_PASSWORD" >"$pwfile")
  if [[ "$(id -u)" -eq 0 ]]; then
    chown postgres: "$PG_DIR" "$pwfile"
    chmod 700 "$PG_DIR"
    as_database_user test -x "$PG_DIR" \
      || fail "the user postgres cannot reach $PG_DIR: a folder above it is closed to other users (chmod o+x on each, or set VANTA_RUN_DIR to a folder it can reach)."
  fi
  as_database_user "$(pg_program initdb)" -D "$PG_DATA" -U vanta --pwfile="$pwfile" -A scram-sha-256 -E UTF8 --locale=C >"$PG_DIR/initdb.log" 2>&1 \
    || { rm -f "$pwfile"; fail "initdb failed; $PG_DIR/initdb.log says why."; }
  rm -f "$pwfile"
  as_database_user sh -c "cat >>'$PG_DATA/postgresql.conf'" <<EOF
# ./vanta start: this machine only, on a port of its own, its socket beside the data.
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$PG_DIR'
fsync = on
synchronous_commit = on
EOF
}

stop_local_postgres() {
  [[ "${DB_CHOICE:-}" == postgres ]] || return 0
  local_postgres_runs || return 0
  say "Stopping PostgreSQL ..."
  as_database_user "$(pg_program pg_ctl)" -D "$PG_DATA" -m fast -w -t 60 stop >/dev/null \
    || fail "PostgreSQL did not stop; see $PG_LOG."
}

# A value for an XML attribute.
xml_attribute() {
  local value="$1"
  value="${value//&/&amp;}"
  value="${value//\"/&quot;}"
  value="${value//</&lt;}"
  printf '%s' "${value//>/&gt;}"
}
