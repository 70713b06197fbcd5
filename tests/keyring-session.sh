#!/usr/bin/env bash
# Runs a command with an unlocked GNOME Keyring (a Secret Service) of its own, as a desktop
# session has one. Use inside `dbus-run-session`; the keyring lives in a temporary folder.
set -euo pipefail
XDG_DATA_HOME="$(mktemp -d)"
export XDG_DATA_HOME
eval "$(printf 'alongside-tests' | gnome-keyring-daemon --unlock --components=secrets)"
export GNOME_KEYRING_CONTROL
exec "$@"
