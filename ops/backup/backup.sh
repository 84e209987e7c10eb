#!/bin/sh
# One backup: the database (pg_dump custom format) and the files (evidence and attachments under
# DATA_DIR/files), in one dated folder, the oldest beyond BACKUP_KEEP removed. Run by the compose
# `backup` service (image postgres:16, so pg_dump matches the server) from cron, e.g.
#   15 1 * * * cd /srv/cong-van-tracker && docker compose run --rm backup
set -eu
: "${PGHOST:?}" "${PGUSER:?}" "${PGDATABASE:?}"
keep="${BACKUP_KEEP:-14}"
dir="/backups/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$dir"
pg_dump --format=custom --no-owner --file="$dir/database.dump"
tar -C /data -czf "$dir/files.tar.gz" files 2>/dev/null || tar -czf "$dir/files.tar.gz" --files-from /dev/null
( cd "$dir" && sha256sum database.dump files.tar.gz > SHA256SUMS )
echo "backup written: $dir"
ls -1d /backups/*/ | sort | head -n "-$keep" | xargs -r rm -rf
