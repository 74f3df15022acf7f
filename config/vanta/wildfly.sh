# WildFly for ./vanta start --server wildfly (sourced by ./vanta; uses its RUN_DIR, EAR, JAVA_CMD, say,
# fail, http_code, port_in_use, generate_password and the database's functions).
# WildFly (fetched through Maven) is unpacked into run/, configured once with config/wildfly/vanta.cli
# on a copy of standalone-full.xml, started in the background, and given the EAR through its deployment
# folder. The database's settings go to it as system properties at every start (run/wildfly.properties).

WILDFLY_HOME="$RUN_DIR/wildfly-${VANTA_WILDFLY_VERSION:-39.0.1.Final}"
WILDFLY_CONFIG=standalone-vanta.xml
WILDFLY_LOG="$WILDFLY_HOME/standalone/log/server.log"
WILDFLY_PID_FILE="$RUN_DIR/wildfly.pid"
WILDFLY_PROPERTIES="$RUN_DIR/wildfly.properties"
WILDFLY_DEPLOYMENTS="$WILDFLY_HOME/standalone/deployments"
WILDFLY_MANAGEMENT_PORT=9990
# WildFly's management user (port 9990, jboss-cli.sh), its password generated.
WILDFLY_ADMIN_PASSWORD_FILE="$RUN_DIR/wildfly-admin.password"

wildfly_pid() {
  local pid=""
  [[ -f "$WILDFLY_PID_FILE" ]] && pid="$(tr -dc '0-9' <"$WILDFLY_PID_FILE")"
  if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null \
      && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$WILDFLY_HOME"; then
    echo "$pid"
  fi
}

wildfly_runs() { [[ -n "$(wildfly_pid)" ]]; }

wildfly_check_ports_free() {
  local port busy=()
  for port in "$HTTP_PORT" 8443 "$WILDFLY_MANAGEMENT_PORT" 9993; do
    port_in_use "$port" && busy+=("$port")
  done
  ((${#busy[@]} == 0)) || fail "port(s) ${busy[*]} already in use by another program, and WildFly needs 8080 (HTTP and the JMS broker), 8443 (HTTPS), 9990 and 9993 (management).
Stop that program (a Payara Server started with ./vanta start? ./vanta stop), then run ./vanta start --server wildfly again."
}

unpack_wildfly_if_needed() {
  [[ -x "$WILDFLY_HOME/bin/standalone.sh" ]] && return 0
  say "Unpacking WildFly into $RUN_DIR (fetched through Maven) ..."
  (cd "$ROOT" && ./mvnw -q -B -pl config dependency:unpack@unpack-wildfly -Dvanta.run.dir="$RUN_DIR") \
    || fail "could not fetch or unpack WildFly; the messages above say why."
  chmod +x "$WILDFLY_HOME"/bin/*.sh
}

# EclipseLink's jars in WildFly's org.eclipse.persistence module, beside WildFly's integration jar.
install_eclipselink_if_needed() {
  local module="$WILDFLY_HOME/modules/system/layers/base/org/eclipse/persistence/main"
  grep -q 'org.eclipse.persistence.core' "$module/module.xml" && return 0
  say "Adding EclipseLink (fetched through Maven) to WildFly's module org.eclipse.persistence ..."
  (cd "$ROOT" && ./mvnw -q -B -pl config dependency:copy@copy-eclipselink -Dvanta.eclipselink.dir="$module") \
    || fail "could not fetch EclipseLink; the messages above say why."
  local roots="" jar
  for jar in "$module"/org.eclipse.persistence.*.jar; do
    roots+="        <resource-root path=\"$(basename "$jar")\"/>\\n"
  done
  sed -i -e "s|\\(\\s*\\)<resource-root path=\"jipijapa-eclipselink|$roots\\1<resource-root path=\"jipijapa-eclipselink|" \
    -e 's|\(\s*\)<module name="java.logging"/>|\1<module name="java.logging"/>\n\1<module name="java.rmi"/>\n\1<module name="java.sql"/>\n\1<module name="java.xml"/>\n\1<module name="java.desktop"/>|' \
    "$module/module.xml"
}

# The first start: a copy of standalone-full.xml configured by config/wildfly/vanta.cli, and a management
# user with a generated password.
configure_wildfly_if_needed() {
  local config_dir="$WILDFLY_HOME/standalone/configuration"
  [[ -f "$config_dir/$WILDFLY_CONFIG" ]] && return 0
  say "Configuring WildFly with config/wildfly/vanta.cli ..."
  cp "$config_dir/standalone-full.xml" "$config_dir/configuring-$WILDFLY_CONFIG"
  local properties
  properties="$(mktemp)"
  printf 'vanta.wildfly.config=%s\n' "configuring-$WILDFLY_CONFIG" >"$properties"
  if ! "$WILDFLY_HOME/bin/jboss-cli.sh" --resolve-parameter-values --properties="$properties" \
      --file="$ROOT/config/wildfly/vanta.cli" >"$RUN_DIR/wildfly-configure.log" 2>&1; then
    rm -f "$properties" "$config_dir/configuring-$WILDFLY_CONFIG"
    fail "configuring WildFly failed; $RUN_DIR/wildfly-configure.log says why."
  fi
  rm -f "$properties"
  mv "$config_dir/configuring-$WILDFLY_CONFIG" "$config_dir/$WILDFLY_CONFIG"
  if [[ ! -f "$WILDFLY_ADMIN_PASSWORD_FILE" ]]; then
    (umask 077 && generate_password >"$WILDFLY_ADMIN_PASSWORD_FILE")
    "$WILDFLY_HOME/bin/add-user.sh" -s -u admin -p "$(cat "$WILDFLY_ADMIN_PASSWORD_FILE")" >/dev/null \
      || fail "could not add WildFly's management user admin with add-user.sh."
    say "Gave WildFly's management user admin a generated password; it is in $WILDFLY_ADMIN_PASSWORD_FILE."
  fi
}

# The nodes' broker user, vanta-node, in WildFly's application realm with the password of
# run/broker.credentials.
add_broker_user() {
  create_broker_credentials_if_needed
  "$WILDFLY_HOME/bin/add-user.sh" -a -s -u vanta-node -p "$(credential password)" -g vanta-node >/dev/null \
    || fail "could not add the broker's user vanta-node to WildFly with add-user.sh."
}

# The database (config/vanta/database.sh) as system properties, read at every start. WildFly takes a
# DataSource class where Payara takes the driver.
write_wildfly_properties() {
  database_settings "$WILDFLY_HOME/standalone/data/vanta"
  local url="${DB_URL#jdbc:}" class=org.h2.jdbcx.JdbcDataSource
  # H2 would close the database in the JVM's shutdown hook, while WildFly still stops the application.
  [[ "$DB_DRIVER" == org.h2.Driver ]] && url+=";DB_CLOSE_ON_EXIT=FALSE"
  [[ "$DB_DRIVER" == org.postgresql.Driver ]] && class=org.postgresql.ds.PGSimpleDataSource
  (umask 077 && cat >"$WILDFLY_PROPERTIES" <<EOF
vanta.db.driver=$class
vanta.db.subprotocol=${url%%:*}
vanta.db.subname=$(property_value "${url#*:}")
vanta.db.user=$(property_value "$DB_USER")
vanta.db.password=$(property_value "$DB_PASSWORD")
EOF
  )
  [[ "$DB_DRIVER" == org.postgresql.Driver ]] && install_postgresql_module_if_needed
  return 0
}

# A value for a Java properties file: its backslashes kept, a leading space kept (an operator's password may have both).
property_value() {
  local value="${1//\\/\\\\}"
  [[ "$value" == " "* ]] && value="\\$value"
  printf '%s' "$value"
}

# PostgreSQL's JDBC driver as the module org.postgresql, which the EAR's jboss-deployment-structure.xml names.
install_postgresql_module_if_needed() {
  local module="$WILDFLY_HOME/modules/org/postgresql/main"
  [[ -f "$module/module.xml" ]] && return 0
  install_jdbc_driver "$module"
  cat >"$module/module.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<!-- PostgreSQL's JDBC driver, added by ./vanta start for the EAR's data source. -->
<module name="org.postgresql" xmlns="urn:jboss:module:1.9">
    <resources>
        <resource-root path="postgresql.jar"/>
    </resources>
    <dependencies>
        <module name="java.sql"/>
        <module name="java.naming"/>
        <module name="java.management"/>
        <module name="java.logging"/>
        <module name="jakarta.transaction.api"/>
    </dependencies>
</module>
EOF
}

# All that a start does before it launches the server: WildFly unpacked and configured, the broker's
# user, the database's properties and the operators file. ./vanta prepare-wildfly stops there, for a
# WildFly that another program launches (the integration tests' managed container).
wildfly_prepare() {
  unpack_wildfly_if_needed
  umask 077
  install_eclipselink_if_needed
  configure_wildfly_if_needed
  wildfly_listen_on_seeds_port
  add_broker_user
  write_wildfly_properties
  create_operators_file_if_needed "$WILDFLY_HOME/standalone/configuration/vanta-operators"
}

# Undertow's second HTTP listener on the seeds' port (SEEDS_PORT, from VANTA_INGEST_SEEDS_PORT), or none when it
# is 0; the application serves only the seeds' endpoints there.
wildfly_listen_on_seeds_port() {
  local config="$WILDFLY_HOME/standalone/configuration/$WILDFLY_CONFIG"
  sed -i -e '/name="vanta-seeds"/d' "$config"
  ((SEEDS_PORT > 0)) || return 0
  sed -i -e 's|^\(\s*\)\(<http-listener name="default" .*\)$|\1\2\n\1<http-listener name="vanta-seeds" socket-binding="vanta-seeds" max-post-size="67108864" enable-http2="true"/>|' \
    -e "s|^\\(\\s*\\)\\(<socket-binding name=\"http\" .*\\)\$|\\1\\2\\n\\1<socket-binding name=\"vanta-seeds\" port=\"$SEEDS_PORT\"/>|" "$config"
}

wildfly_start() {
  if wildfly_runs; then
    database_settings "$WILDFLY_HOME/standalone/data/vanta"
    wildfly_deploy_if_needed
    wildfly_wait_until_ready
    say "Already running."
    wildfly_print_urls
    return 0
  fi
  wildfly_check_ports_free
  check_seeds_port
  build_if_needed
  wildfly_prepare
  say "Database: $(describe_database)"
  say "Starting WildFly ($WILDFLY_HOME) ..."
  rm -f "$WILDFLY_DEPLOYMENTS/vanta.ear.failed"
  JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$JAVA_CMD")")")" \
    JAVA_OPTS="-Xms256m -Xmx$SERVER_HEAP -Djava.net.preferIPv4Stack=true -Djava.awt.headless=true -Djboss.modules.system.pkgs=org.jboss.byteman" \
    LAUNCH_JBOSS_IN_BACKGROUND=1 JBOSS_PIDFILE="$WILDFLY_PID_FILE" \
    nohup "$WILDFLY_HOME/bin/standalone.sh" -c "$WILDFLY_CONFIG" -b 0.0.0.0 -P "$WILDFLY_PROPERTIES" \
      >"$RUN_DIR/wildfly-console.log" 2>&1 &
  local launcher=$! waited=0
  # standalone.sh writes the server's process id once it has launched it.
  until wildfly_runs; do
    kill -0 "$launcher" 2>/dev/null && ((waited < 30)) \
      || fail "WildFly did not start; see $RUN_DIR/wildfly-console.log."
    sleep 1
    waited=$((waited + 1))
  done
  wildfly_deploy_if_needed
  wildfly_wait_until_ready
  wildfly_print_urls
}

# The EAR goes through the deployment folder: WildFly deploys what lands there and marks it .deployed
# or .failed.
wildfly_deploy_if_needed() {
  local target="$WILDFLY_DEPLOYMENTS/vanta.ear"
  if [[ ! -f "$target" ]] || ! cmp -s "$EAR" "$target"; then
    say "Deploying $EAR ..."
    rm -f "$target.failed" "$target.deployed"
    cp "$EAR" "$target.part" && mv "$target.part" "$target"
  fi
}

wildfly_wait_until_ready() {
  local deadline=$((SECONDS + READY_TIMEOUT_SECONDS))
  say "Waiting for $BASE_URL/health/ready ..."
  while ((SECONDS < deadline)); do
    if [[ -f "$WILDFLY_DEPLOYMENTS/vanta.ear.failed" ]]; then
      say "WildFly could not deploy the EAR:" >&2
      cat "$WILDFLY_DEPLOYMENTS/vanta.ear.failed" >&2
      fail "deployment failed; see $WILDFLY_LOG (./vanta logs)."
    fi
    wildfly_runs || fail "WildFly stopped while starting; see $WILDFLY_LOG and $RUN_DIR/wildfly-console.log."
    [[ -f "$WILDFLY_DEPLOYMENTS/vanta.ear.deployed" && "$(http_code "$BASE_URL/health/ready")" == 200 ]] && return 0
    sleep 1
  done
  say "Not ready after ${READY_TIMEOUT_SECONDS}s. Readiness says:" >&2
  curl -s --max-time 5 "$BASE_URL/health/ready" >&2 || true
  fail "the system did not become ready; see $WILDFLY_LOG (./vanta logs)."
}

wildfly_print_urls() {
  cat <<EOF
VantaEchoNebula is running on WildFly.
  Console        $BASE_URL/console/   (log in as admin; the password is in $ADMIN_PASSWORD_FILE)
  System status  $BASE_URL/api/v1/system/status
  Chains         $BASE_URL/api/v1/chains/testnet/head   (and /mainnet/head)
  Ingest         POST $BASE_URL/api/v1/pool/ingest$( ((SEEDS_PORT > 0)) && echo "   (and on the seeds' port: POST http://localhost:$SEEDS_PORT/api/v1/pool/ingest)")
  JMS broker     tcp://localhost:8080  (ActiveMQ Artemis through the HTTP port; queue NodeData; user and password in $BROKER_CREDENTIALS)
  Nodes          $BASE_URL/api/v1/nodes
  Health         $BASE_URL/health   (live: /health/live, ready: /health/ready)
  Metrics        $BASE_URL/metrics
  Database       $(describe_database)
  OpenAPI        $BASE_URL/openapi
  Alerts         $BASE_URL/api/v1/alerts
  Agents         $BASE_URL/api/v1/agents
  WildFly admin  http://localhost:$WILDFLY_MANAGEMENT_PORT  (this machine only; user admin, password in $WILDFLY_ADMIN_PASSWORD_FILE)
  Server log     $WILDFLY_LOG
Stop it with ./vanta stop.
EOF
}

# A clean stop through the management interface; a server that does not stop in time is ended.
wildfly_stop() {
  local pid
  pid="$(wildfly_pid)"
  if [[ -z "$pid" ]]; then
    say "Not running."
    return 0
  fi
  say "Stopping WildFly ..."
  kill -TERM "$pid" 2>/dev/null || true
  if ! gone_within "$STOP_GRACE_SECONDS" "$pid"; then
    say "WildFly did not stop within $STOP_GRACE_SECONDS s; ending its process $pid."
    kill -KILL "$pid" 2>/dev/null || true
    gone_within 5 "$pid" || fail "could not end process $pid of WildFly."
  fi
  rm -f "$WILDFLY_PID_FILE"
  say "Stopped."
}
