#!/usr/bin/env bash
# Compile-time cost of the derive: a 300-variant enum (unit, tuple and struct
# variants, each with a detail template) derived once with errcodes' ApiError
# and once with thiserror's Error, each crate built in its own target dir.
#
#   bash scripts/compile-time.sh [runs]
#   ERRCODES_FEATURES=client bash scripts/compile-time.sh [runs]
#
# ERRCODES_FEATURES (comma-separated) turns errcodes' features on in the
# errcodes crate, to measure what a feature's generated code costs.
#
# Prints two measurements per crate and their ratio:
#   clean: `cargo build` from an empty target dir (dependencies included);
#   crate: rebuilding only the enum's crate after touching it (the derive's
#          own cost plus compiling what it generated), median of [runs] (3).
set -euo pipefail
# Full rebuilds of the enum crate, not incremental reuse of unchanged work.
export CARGO_INCREMENTAL=0
root=$(cd "$(dirname "$0")/.." && pwd)
work="$root/target/compile-time"
runs=${1:-3}
mkdir -p "$work"

variants() { # $1 = errcodes | thiserror
  for i in $(seq 0 299); do
    status=$((400 + i % 30))
    case $((i % 3)) in
      0) if [ "$1" = errcodes ]; then
           echo "    #[api(status = $status, detail = \"unit variant $i failed\")]"
         else
           echo "    #[error(\"unit variant $i failed\")]"
         fi
         echo "    Unit$i,";;
      1) if [ "$1" = errcodes ]; then
           echo "    #[api(status = $status, detail = \"tuple {0} of variant $i, {1:?}\")]"
         else
           echo "    #[error(\"tuple {0} of variant $i, {1:?}\")]"
         fi
         echo "    Tuple$i(u64, String),";;
      2) if [ "$1" = errcodes ]; then
           echo "    #[api(status = $status, detail = \"struct {id} of variant $i named {name}\")]"
         else
           echo "    #[error(\"struct {id} of variant $i named {name}\")]"
         fi
         echo "    Struct$i { id: u64, name: String },";;
    esac
  done
}

features() { # ERRCODES_FEATURES as a TOML list's items (none when unset)
  local list=${ERRCODES_FEATURES:-}
  # An `if`, not `[ ... ] && echo`: under `set -e` a failed test as the last
  # command of the function ends the script when the list is empty.
  if [ -n "$list" ]; then
    echo "\"${list//,/\", \"}\""
  fi
}

make_crate() { # $1 = errcodes | thiserror
  local dir="$work/$1-enum"
  mkdir -p "$dir/src"
  if [ "$1" = errcodes ]; then
    dep="errcodes = { path = \"$root/errcodes\", features = [$(features)] }"
    derive="errcodes::ApiError"
  else
    dep='thiserror = "2"'
    derive="thiserror::Error"
  fi
  cat > "$dir/Cargo.toml" <<TOML
[package]
name = "$1-enum"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
$dep

[workspace]
TOML
  { echo "#[derive(Debug, $derive)]"; echo "pub enum BigError {"; variants "$1"; echo "}"; } > "$dir/src/lib.rs"
}

seconds() { # run "$@", print elapsed seconds
  local start end
  start=$(date +%s.%N)
  "$@" >/dev/null 2>&1
  end=$(date +%s.%N)
  awk -v s="$start" -v e="$end" 'BEGIN { printf "%.2f", e - s }'
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

declare -A clean crate
for kind in errcodes thiserror; do
  make_crate "$kind"
  dir="$work/$kind-enum"
  (cd "$dir" && cargo fetch -q)
  rm -rf "$dir/target"
  clean[$kind]=$(cd "$dir" && seconds cargo build -q)
  crate[$kind]=$(for _ in $(seq "$runs"); do
    touch "$dir/src/lib.rs"
    (cd "$dir" && seconds cargo build -q)
    echo
  done | median)
done

printf '%-10s %10s %10s\n' "" "clean (s)" "crate (s)"
for kind in errcodes thiserror; do
  printf '%-10s %10s %10s\n' "$kind" "${clean[$kind]}" "${crate[$kind]}"
done
awk -v a="${clean[errcodes]}" -v b="${clean[thiserror]}" -v c="${crate[errcodes]}" -v d="${crate[thiserror]}" \
  'BEGIN { printf "%-10s %10.2f %10.2f\n", "ratio", a / b, c / d }'
