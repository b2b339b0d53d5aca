#!/bin/bash
# Installs the Debian package built by `mvn -B -Pdeb -DskipTests package` and checks it as an
# operator would: `ai-digest demo`, then `serve` under the shipped systemd unit (through systemctl
# when systemd runs the machine; otherwise the unit's own User, WorkingDirectory, EnvironmentFile,
# Environment and ExecStart lines run by hand), /healthz, and a stop by SIGTERM. Run as root.
set -euo pipefail
deb=${1:-$(ls target/dist/ai-digest_*_amd64.deb | head -1)}
port=${AIDIGEST_HTTP_PORT:-18080}
unit=/lib/systemd/system/ai-digest.service

dpkg -i "$deb"
systemd-analyze verify "$unit"
echo "installed: $(du -sh /opt/ai-digest | cut -f1) in /opt/ai-digest, package $(du -h "$deb" | cut -f1)"

demo=$(mktemp -d)
(cd "$demo" && ai-digest demo > digest.md 2> demo.log)
grep -q '过去4小时全球AI发生了什么' "$demo/digest.md"
echo "demo: ok ($(wc -l < "$demo/digest.md") lines of markdown)"

if [ -d /run/systemd/system ]; then
    mkdir -p /etc/systemd/system/ai-digest.service.d
    printf '[Service]\nEnvironment=AIDIGEST_HTTP_PORT=%s\n' "$port" > /etc/systemd/system/ai-digest.service.d/port.conf
    systemctl daemon-reload
    systemctl start ai-digest
    stop() { systemctl stop ai-digest; systemctl show -p ExecMainStatus ai-digest; }
else
    echo "systemd is not running this machine: running the unit's ExecStart by hand"
    user=$(sed -n 's/^User=//p' "$unit")
    cd "$(sed -n 's/^WorkingDirectory=//p' "$unit")"
    set -a
    [ -f /etc/ai-digest/ai-digest.env ] && . /etc/ai-digest/ai-digest.env
    for e in $(sed -n 's/^Environment=//p' "$unit"); do export "$e"; done
    set +a
    export AIDIGEST_HTTP_PORT=$port HOME=$(getent passwd "$user" | cut -d: -f6) USER=$user
    # shellcheck disable=SC2046
    setpriv --reuid "$user" --regid "$user" --init-groups $(sed -n 's/^ExecStart=//p' "$unit") \
        > /tmp/ai-digest-serve.log 2>&1 &
    pid=$!
    stop() { kill -TERM "$pid"; set +e; wait "$pid"; echo "serve exit status $?"; set -e; }
fi

for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$port/healthz" > /dev/null && break
    sleep 1
done
echo "healthz: $(curl -s "http://127.0.0.1:$port/healthz" | cut -c1-200)"
stop
