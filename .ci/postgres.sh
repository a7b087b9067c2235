# Sourced by .ci/run: start a local PostgreSQL cluster on 127.0.0.1 and export CALLDOJO_TEST_PG_URL.
pg_version=$(ls /usr/lib/postgresql 2>/dev/null | sort -V | tail -n 1)
if [ -n "$pg_version" ]; then
  pg_lsclusters 2>/dev/null | grep -q "^$pg_version *main" || pg_createcluster "$pg_version" main >/dev/null 2>&1 || true
  pg_ctlcluster "$pg_version" main start >/dev/null 2>&1 || true
  su postgres -c "psql -qc \"DO \\\$\\\$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname='calldojo') THEN CREATE ROLE calldojo LOGIN PASSWORD 'calldojo'; END IF; END\\\$\\\$\"" >/dev/null 2>&1 || true
  su postgres -c "dropdb --if-exists calldojo_test && createdb -O calldojo calldojo_test" >/dev/null 2>&1 || true
  if su postgres -c "psql -qtAc 'select 1' calldojo_test" >/dev/null 2>&1; then
    CALLDOJO_TEST_PG_URL="postgresql+psycopg://calldojo:calldojo@127.0.0.1:5432/calldojo_test"
    echo "PostgreSQL $pg_version ready for the store tests"
  else
    echo "warning: PostgreSQL could not be started; its store tests will be skipped"
  fi
fi
