#!/usr/bin/env bash
# A single-node Ceph RADOS Gateway on 127.0.0.1 for the tests (Debian packages, Ceph 16.2.15 "Pacific").
#
#   .ci/ceph-rgw.sh start    install the packages if missing, start (or reuse) the cluster, write the env file
#   .ci/ceph-rgw.sh stop     stop the daemons (state is kept; "reset" also deletes it)
#   .ci/ceph-rgw.sh status   exit 0 when RGW answers S3 requests
#   .ci/ceph-rgw.sh reset    stop and delete all state
#
# One mon, one bluestore OSD on a sparse file, no mgr, pools of size 1, cephx on; every daemon on loopback.
# All state lives under S3LITE_CEPH_DIR. The env file (S3LITE_RGW_ENV) holds S3LITE_RGW_ENDPOINT, _ACCESS_KEY,
# _SECRET_KEY and _REGION; the tests read it (see camel-s3lite/src/test/java/io/github/s3lite/test/S3Stores.java).
#
# Environment (all optional):
#   S3LITE_CEPH_DIR      state directory              (default ${TMPDIR:-/tmp}/s3lite-ceph)
#   S3LITE_RGW_ENV       env file written on start    (default ${TMPDIR:-/tmp}/s3lite-rgw.env)
#   S3LITE_RGW_PORT      RGW's S3 port                (default 7480)
#   S3LITE_CEPH_MON_PORT the mon's msgr2 port         (default 13300)
#   S3LITE_CEPH_PORTS    port range of osd/rgw msgr   (default 16800-16899)
#   S3LITE_CEPH_INSTALL  0 = never apt-get install    (default 1)
#   S3LITE_CEPH_PURGE_GIB  on start, delete the test user's buckets when the OSD holds more (default 8)
#   S3LITE_CEPH_MIN_FREE_GIB  refuse to start with less free space beside S3LITE_CEPH_DIR (default 4)
set -euo pipefail

CEPH_VERSION=16.2.15
DIR=${S3LITE_CEPH_DIR:-${TMPDIR:-/tmp}/s3lite-ceph}
ENV_FILE=${S3LITE_RGW_ENV:-${TMPDIR:-/tmp}/s3lite-rgw.env}
RGW_PORT=${S3LITE_RGW_PORT:-7480}
MON_PORT=${S3LITE_CEPH_MON_PORT:-13300}
PORTS=${S3LITE_CEPH_PORTS:-16800-16899}
CONF=$DIR/ceph.conf
RGW_NAME=client.rgw.s3lite
REGION=default          # RGW's zonegroup; a LocationConstraint other than its api_name is refused
START_TIMEOUT=${S3LITE_CEPH_START_TIMEOUT:-180}

log() { echo "ceph-rgw: $*" >&2; }

ceph_() { timeout 60 ceph -c "$CONF" -n client.admin "$@"; }

die() {
    log "FAILED: $*"
    for f in "$DIR"/log/*.log; do
        [ -f "$f" ] || continue
        echo "----- last lines of $f -----" >&2
        tail -n 60 "$f" >&2
    done
    for f in "$DIR"/log/*.out; do
        [ -s "$f" ] || continue
        echo "----- $f -----" >&2
        tail -n 30 "$f" >&2
    done
    cmd_stop quiet
    exit 1
}

install_packages() {
    if command -v ceph-mon >/dev/null && command -v ceph-osd >/dev/null && command -v radosgw >/dev/null \
        && command -v radosgw-admin >/dev/null && command -v ceph-authtool >/dev/null && command -v monmaptool >/dev/null; then
        return
    fi
    if [ "${S3LITE_CEPH_INSTALL:-1}" = 0 ]; then
        die "Ceph is not installed and S3LITE_CEPH_INSTALL=0"
    fi
    [ "$(id -u)" = 0 ] || die "Ceph is not installed; installing it needs root (apt-get install radosgw ceph-mon ceph-osd)"
    local t0=$SECONDS
    export DEBIAN_FRONTEND=noninteractive
    # radosgw/ceph-mon/ceph-osd pull in ceph-common (ceph, ceph-authtool, monmaptool, radosgw-admin) and ceph-base
    local pkgs="radosgw ceph-mon ceph-osd"
    local ver
    ver=$(apt-cache policy radosgw 2>/dev/null | awk '/Candidate:/ {print $2}')
    if [ -z "$ver" ] || [ "$ver" = "(none)" ]; then
        log "apt-get update"
        apt-get update -qq || die "apt-get update failed"
        ver=$(apt-cache policy radosgw 2>/dev/null | awk '/Candidate:/ {print $2}')
    fi
    case "$ver" in
        "$CEPH_VERSION"*) pkgs="radosgw=$ver ceph-mon=$ver ceph-osd=$ver" ;;
        *) log "warning: apt offers radosgw '$ver', the tests were written against $CEPH_VERSION" ;;
    esac
    log "apt-get install --no-install-recommends $pkgs"
    apt-get install -y -qq --no-install-recommends $pkgs >"${TMPDIR:-/tmp}/s3lite-ceph-apt.log" 2>&1 \
        || { tail -n 40 "${TMPDIR:-/tmp}/s3lite-ceph-apt.log" >&2; die "apt-get install failed"; }
    log "installed Ceph $ver in $((SECONDS - t0)) s"
}

# a pid file whose process is still a Ceph daemon (a pid left by a killed daemon may have been reused)
pid_alive() {
    local pid
    [ -f "$1" ] && pid=$(cat "$1") && [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null \
        && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -e ceph-mon -e ceph-osd -e radosgw
}

# exit 0 when an anonymous ListBuckets answers with S3 XML
rgw_answers() {
    local out
    out=$(curl -s -m 5 "http://127.0.0.1:$RGW_PORT/" 2>/dev/null) || return 1
    [[ "$out" == *ListAllMyBucketsResult* ]]
}

write_conf() {
    local fsid=$1 lo=${PORTS%-*} hi=${PORTS#*-}
    cat >"$CONF" <<EOF
[global]
fsid = $fsid
mon_host = v2:127.0.0.1:$MON_PORT
public_addr = 127.0.0.1
public_network = 127.0.0.1/32
cluster_network = 127.0.0.1/32
ms_bind_ipv4 = true
ms_bind_ipv6 = false
ms_bind_msgr1 = false
ms_bind_port_min = $lo
ms_bind_port_max = $hi
auth_cluster_required = cephx
auth_service_required = cephx
auth_client_required = cephx
run_dir = $DIR/run
admin_socket = $DIR/run/\$name.asok
pid_file = $DIR/run/\$name.pid
log_file = $DIR/log/\$name.log
log_to_stderr = false
err_to_stderr = false
mon_cluster_log_file = $DIR/log/cluster.log
crash_dir = $DIR/crash
osd_pool_default_size = 1
osd_pool_default_min_size = 1
osd_pool_default_pg_num = 8
osd_pool_default_pgp_num = 8
osd_pool_default_pg_autoscale_mode = off
osd_crush_chooseleaf_type = 0
mon_allow_pool_size_one = true
mon_allow_pool_delete = true
mon_warn_on_pool_no_redundancy = false
mon_warn_on_insecure_global_id_reclaim_allowed = false
# the mon refuses to start below mon_data_avail_crit percent free (default 5): on a large shared disk that is
# gigabytes, far more than this cluster needs; check_free_space below says what is needed instead
mon_data_avail_warn = 2
mon_data_avail_crit = 1
mon_max_pg_per_osd = 1000
osd_objectstore = bluestore

[mon.a]
mon_data = $DIR/mon
keyring = $DIR/mon/keyring

[osd.0]
osd_data = $DIR/osd
keyring = $DIR/osd/keyring
bluestore_block_path = $DIR/osd-block.img
bluestore_block_create = true
bluestore_block_size = 21474836480
bluestore_fsck_on_mount = false
bluestore_fsck_on_mkfs = false
bluestore_cache_autotune = false
bluestore_cache_size = 134217728
osd_memory_target = 939524096
osd_crush_update_on_start = true

[client.admin]
keyring = $DIR/admin.keyring

[$RGW_NAME]
keyring = $DIR/rgw.keyring
rgw_data = $DIR/rgw
rgw_frontends = beast endpoint=127.0.0.1:$RGW_PORT tcp_nodelay=1
rgw_thread_pool_size = 64
rgw_enable_usage_log = false
rgw_gc_obj_min_wait = 60
rgw_gc_processor_period = 60
rgw_crypt_require_ssl = false
rgw_crypt_s3_kms_backend = testing
rgw_crypt_s3_kms_encryption_keys = testkey-1=$(cat "$DIR/kms-testkey-1")
EOF
}

# first start: keys, monmap, mkfs
create_cluster() {
    log "creating a new cluster in $DIR"
    rm -rf "$DIR"
    mkdir -p "$DIR"/{mon,osd,rgw,run,log,crash}
    local fsid osd_uuid
    fsid=$(uuidgen)
    osd_uuid=$(uuidgen)
    head -c 32 /dev/urandom | base64 >"$DIR/kms-testkey-1"
    echo "$fsid" >"$DIR/fsid"
    echo "$MON_PORT" >"$DIR/mon-port"
    write_conf "$fsid"
    ceph-authtool --create-keyring "$DIR/mon.keyring" --gen-key -n mon. --cap mon 'allow *' >/dev/null
    ceph-authtool --create-keyring "$DIR/admin.keyring" --gen-key -n client.admin \
        --cap mon 'allow *' --cap osd 'allow *' --cap mgr 'allow *' --cap mds 'allow *' >/dev/null
    ceph-authtool --create-keyring "$DIR/osd/keyring" --gen-key -n osd.0 \
        --cap mon 'allow profile osd' --cap osd 'allow *' --cap mgr 'allow profile osd' >/dev/null
    ceph-authtool --create-keyring "$DIR/rgw.keyring" --gen-key -n "$RGW_NAME" \
        --cap mon 'allow rw' --cap osd 'allow rwx' --cap mgr 'allow rw' >/dev/null
    for k in admin.keyring osd/keyring rgw.keyring; do
        ceph-authtool "$DIR/mon.keyring" --import-keyring "$DIR/$k" >/dev/null
    done
    monmaptool --create --fsid "$fsid" --addv a "[v2:127.0.0.1:$MON_PORT]" "$DIR/monmap" >/dev/null
    ceph-mon -c "$CONF" --mkfs -i a --monmap "$DIR/monmap" --keyring "$DIR/mon.keyring" \
        >"$DIR/log/mkfs-mon.out" 2>&1 || die "ceph-mon --mkfs"
    start_mon
    ceph_ osd new "$osd_uuid" 0 >/dev/null 2>"$DIR/log/osd-new.out" || die "ceph osd new"
    ceph-osd -c "$CONF" -i 0 --mkfs --osd-uuid "$osd_uuid" >"$DIR/log/mkfs-osd.out" 2>&1 || die "ceph-osd --mkfs"
    # access and secret key of the S3 user, made once per cluster
    {
        echo "s3lite-rgw-$(head -c 6 /dev/urandom | od -An -tx1 | tr -d ' \n')"
        head -c 30 /dev/urandom | base64 | tr '+/' 'xy'
    } >"$DIR/s3-user"
    touch "$DIR/created"
}

start_mon() {
    pid_alive "$DIR/run/mon.a.pid" && return
    ceph-mon -c "$CONF" -i a </dev/null >"$DIR/log/mon.out" 2>&1 || die "ceph-mon did not start"
    local end=$((SECONDS + 60))
    until ceph_ mon stat >/dev/null 2>&1; do
        [ $SECONDS -lt $end ] || die "the mon does not answer"
        sleep 0.5
    done
}

start_osd() {
    if ! pid_alive "$DIR/run/osd.0.pid"; then
        ceph-osd -c "$CONF" -i 0 </dev/null >"$DIR/log/osd.out" 2>&1 || die "ceph-osd did not start"
    fi
    local end=$((SECONDS + 90))
    until ceph_ osd dump 2>/dev/null | grep -q '^osd.0 up'; do
        [ $SECONDS -lt $end ] || die "osd.0 is not up"
        pid_alive "$DIR/run/osd.0.pid" || die "ceph-osd exited"
        sleep 0.5
    done
}

start_rgw() {
    if ! pid_alive "$DIR/run/$RGW_NAME.pid"; then
        # beast binds with SO_REUSEPORT: a second RGW on a taken port would share it silently
        if curl -s -m 3 -o /dev/null "http://127.0.0.1:$RGW_PORT/"; then
            die "127.0.0.1:$RGW_PORT is taken by another server; choose another with S3LITE_RGW_PORT"
        fi
        radosgw -c "$CONF" -n "$RGW_NAME" </dev/null >"$DIR/log/rgw.out" 2>&1 || die "radosgw did not start"
    fi
    local end=$((SECONDS + START_TIMEOUT))
    until pid_alive "$DIR/run/$RGW_NAME.pid" && rgw_answers; do
        [ $SECONDS -lt $end ] || die "RGW does not answer on 127.0.0.1:$RGW_PORT"
        sleep 0.5
        if ! pid_alive "$DIR/run/$RGW_NAME.pid"; then
            sleep 1
            pid_alive "$DIR/run/$RGW_NAME.pid" || die "radosgw exited"
        fi
    done
}

ensure_user() {
    [ -f "$DIR/user-created" ] && return
    local access secret
    access=$(sed -n 1p "$DIR/s3-user")
    secret=$(sed -n 2p "$DIR/s3-user")
    timeout 120 radosgw-admin -c "$CONF" -n client.admin user create --uid s3lite \
        --display-name "s3lite tests" --access-key "$access" --secret-key "$secret" --max-buckets 0 \
        >"$DIR/log/user-create.out" 2>&1 || die "radosgw-admin user create"
    touch "$DIR/user-created"
}

# The tests keep their buckets; when the OSD holds more than S3LITE_CEPH_PURGE_GIB, delete the test user's data and make it anew.
purge_if_full() {
    local allocated
    allocated=$(timeout 20 ceph --admin-daemon "$DIR/run/osd.0.asok" perf dump 2>/dev/null \
        | grep -o '"bluestore_allocated": [0-9]*' | grep -o '[0-9]*$' || echo 0)
    [ "${allocated:-0}" -gt $((${S3LITE_CEPH_PURGE_GIB:-8} << 30)) ] || return 0
    log "the OSD holds $((allocated >> 20)) MiB: deleting the buckets of the test user"
    timeout 600 radosgw-admin -c "$CONF" -n client.admin user rm --uid s3lite --purge-data \
        >"$DIR/log/user-rm.out" 2>&1 || die "radosgw-admin user rm --purge-data"
    rm -f "$DIR/user-created"
    ensure_user
}

write_env() {
    local access secret tmp
    access=$(sed -n 1p "$DIR/s3-user")
    secret=$(sed -n 2p "$DIR/s3-user")
    mkdir -p "$(dirname "$ENV_FILE")"
    tmp=$ENV_FILE.tmp.$$
    umask 077
    cat >"$tmp" <<EOF
S3LITE_RGW_ENDPOINT=http://127.0.0.1:$RGW_PORT
S3LITE_RGW_ACCESS_KEY=$access
S3LITE_RGW_SECRET_KEY=$secret
S3LITE_RGW_REGION=$REGION
S3LITE_RGW_KMS_KEY_ID=testkey-1
EOF
    mv "$tmp" "$ENV_FILE"
}

memory_mb() {
    local total=0 f pid rss
    for f in "$DIR"/run/*.pid; do
        [ -f "$f" ] || continue
        pid=$(cat "$f")
        rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
        total=$((total + ${rss:-0}))
    done
    echo $((total / 1024))
}

# The OSD's sparse block file grows as the tests write (up to bluestore_block_size); a full disk would crash it
# mid-run with errors far from the cause, so say it here.
check_free_space() {
    local need=${S3LITE_CEPH_MIN_FREE_GIB:-4} free_kib
    mkdir -p "$DIR"
    free_kib=$(df -Pk "$DIR" | awk 'NR == 2 {print $4}')
    if [ "${free_kib:-0}" -lt $((need << 20)) ]; then
        df -h "$DIR" >&2
        log "FAILED: $((free_kib >> 20)) GiB free beside $DIR, the cluster needs $need (S3LITE_CEPH_MIN_FREE_GIB)."
        log "Free space (e.g. old ${TMPDIR:-/tmp}/s3lite-* directories; '$0 reset' deletes this cluster's state)."
        exit 1
    fi
}

cmd_start() {
    local t0=$SECONDS
    check_free_space
    if [ -f "$DIR/user-created" ] && pid_alive "$DIR/run/$RGW_NAME.pid" && pid_alive "$DIR/run/osd.0.pid" && rgw_answers; then
        purge_if_full
        write_env
        log "already running on 127.0.0.1:$RGW_PORT (reused), env in $ENV_FILE"
        return
    fi
    install_packages
    local t1=$SECONDS
    command -v curl >/dev/null || die "curl is needed to check that RGW answers"
    if [ -f "$DIR/created" ] && [ "$(cat "$DIR/mon-port" 2>/dev/null)" != "$MON_PORT" ]; then
        log "the cluster in $DIR was made for another mon port: making a new one"
        cmd_stop quiet
        rm -f "$DIR/created"
    fi
    if [ -f "$DIR/created" ]; then
        write_conf "$(cat "$DIR/fsid")"   # settings of this script's version; the state is kept
    else
        cmd_stop quiet
        create_cluster
    fi
    start_mon
    start_osd
    start_rgw
    ensure_user
    purge_if_full
    write_env
    log "RGW answers on http://127.0.0.1:$RGW_PORT; started in $((SECONDS - t1)) s (total $((SECONDS - t0)) s)," \
        "daemons use $(memory_mb) MB RSS; env in $ENV_FILE"
}

cmd_stop() {
    local f pid end
    rm -f "$ENV_FILE"   # the env file says "RGW is running"
    for f in "$DIR/run/$RGW_NAME.pid" "$DIR/run/osd.0.pid" "$DIR/run/mon.a.pid"; do
        pid_alive "$f" || continue
        pid=$(cat "$f")
        kill "$pid" 2>/dev/null || true
        end=$((SECONDS + 30))
        while kill -0 "$pid" 2>/dev/null && [ $SECONDS -lt $end ]; do sleep 0.2; done
        kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null || true
    done
    [ "${1:-}" = quiet ] || log "stopped"
}

cmd_status() {
    if pid_alive "$DIR/run/$RGW_NAME.pid" && rgw_answers; then
        echo "RGW answers on http://127.0.0.1:$RGW_PORT; daemons use $(memory_mb) MB RSS; state in $DIR"
    else
        echo "RGW is not answering on 127.0.0.1:$RGW_PORT"
        return 1
    fi
}

case "${1:-}" in
    start) cmd_start ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    reset) cmd_stop quiet; rm -rf "$DIR" "$ENV_FILE"; log "state removed" ;;
    *) echo "usage: $0 start|stop|status|reset" >&2; exit 2 ;;
esac
