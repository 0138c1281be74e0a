#!/usr/bin/env bash
# Makes the Compose quick start's secrets, once: secrets/* (mode 0600) and .env (the values Compose substitutes).
# Nothing secret is written in docker-compose.yaml or gatehouse.yaml; they name these files. Run again with --force
# to replace them (a new masking key changes every fingerprint; a new checkpoint key needs its public half kept).
# Needs openssl.
set -euo pipefail
cd "$(dirname "$0")"

force=false
[ "${1:-}" = "--force" ] && force=true
if [ -d secrets ] && ! $force; then
  echo "make-secrets.sh: secrets/ exists; pass --force to replace it" >&2
  exit 1
fi

command -v openssl >/dev/null || { echo "make-secrets.sh: openssl is needed" >&2; exit 1; }
umask 077
rm -rf secrets
mkdir -p secrets
random() { openssl rand -base64 "$1" | tr -dc 'A-Za-z0-9' | head -c "$2"; }

password=$(random 48 32)
printf '%s' "$password" > secrets/postgres_password
printf 'Host=postgres;Port=5432;Database=gatehouse;Username=gatehouse;Password=%s' "$password" > secrets/postgres_connection
random 48 32 > secrets/masking_key
# The demo upstream ignores it; a real upstream's key goes here (or in a file of its own, see gatehouse.yaml).
random 48 32 > secrets/upstream_api_key
# ECDSA P-256, PKCS#8 PEM, as `gatehouse audit keygen` writes it; keep the public half to verify checkpoints.
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out secrets/checkpoint_key 2>/dev/null
openssl pkey -in secrets/checkpoint_key -pubout -out checkpoint-public.pem 2>/dev/null
chmod 600 secrets/*

# Gatehouse accepts a key file only if it is the process's own (0600, same uid): the replicas run with the uid that
# owns these files. As root they are handed to the image's non-root user instead, so no replica runs as root.
uid=$(id -u); gid=$(id -g)
if [ "$uid" -eq 0 ]; then
  uid=1654; gid=1654
  chown "$uid:$gid" secrets/*
fi
cat > .env <<ENV
COMPOSE_PROJECT_NAME=gatehouse
GATEHOUSE_UID=$uid
GATEHOUSE_GID=$gid
KEYCLOAK_ADMIN_PASSWORD=$(random 48 24)
ENV
chmod 600 .env
echo "secrets written to $(pwd)/secrets; checkpoint public key: $(pwd)/checkpoint-public.pem"
