# 32-bit Wine where the kernel runs no 32-bit code. Sourced (after lib.sh and wine.sh), not run.
#   i386_emulation_start   makes i386 ELF programs run: through the kernel when it can, else through
#                          qemu-i386-static registered with binfmt_misc for this run only.
#                          0, or 1 with the reason in $EMULATION_REASON
#   i386_emulation_stop    removes the entry (and unmounts binfmt_misc) only if the start added them
#   wine32_available       wine32:i386 installed (with scripts/windows/install-wine32 if it is not);
#                          0, or 1 with the reason in $EMULATION_REASON
#   wine32_install         the installing part alone (scripts/test runs it in the background)
# $EMULATION_HOW says which of the two makes 32-bit code run.

BINFMT_DIR=/proc/sys/fs/binfmt_misc
BINFMT_NAME=mprnotify-i386
# An i386 ELF executable or shared object (qemu's own i386 magic and mask).
BINFMT_MAGIC='\x7fELF\x01\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x00\x03\x00'
BINFMT_MASK='\xff\xff\xff\xff\xff\xfe\xfe\x00\xff\xff\xff\xff\xff\xff\xff\xff\xfe\xff\xff\xff'
EMULATION_ADDED_ENTRY=0
EMULATION_MOUNTED=0

wine32_installed() {
  dpkg-query -W -f='${Status}' wine32:i386 2>/dev/null | grep -q "install ok installed"
}

# Why scripts/test's background install (started before the host stages) did not install wine32.
WINE32_FAILED="$BUILD/install-wine32.failed"

wine32_available() {
  wine32_installed && return 0
  if [ -n "${MPRNOTIFY_WINE32_BACKGROUND:-}" ] && [ -f "$WINE32_FAILED" ]; then
    EMULATION_REASON="$(cat "$WINE32_FAILED")" # tried already in this run: not again
    return 1
  fi
  wine32_install
}

# Installs wine32:i386 with scripts/windows/install-wine32; 0, or 1 with the reason in $EMULATION_REASON.
wine32_install() {
  local tool="$ROOT/scripts/windows/install-wine32" log="$BUILD/install-wine32.log"
  [ "$(id -u)" -eq 0 ] ||
    { EMULATION_REASON="wine32:i386 is not installed and installing it needs root: sudo $tool"; return 1; }
  mkdir -p "$BUILD"
  echo "  installing wine32:i386 with scripts/windows/install-wine32 (log: $log)"
  # Its downloads stay in the build folder, for the next run.
  if ! MPRNOTIFY_WINE32_WORK="$BUILD/wine32-work" "$tool" >"$log" 2>&1; then
    EMULATION_REASON="scripts/windows/install-wine32 failed: $(tail -1 "$log" | sed 's/^install-wine32: failed: //')"
    return 1
  fi
  wine32_installed ||
    { EMULATION_REASON="scripts/windows/install-wine32 ran but wine32:i386 is not installed"; return 1; }
}

# Whether the kernel runs a 32-bit program by itself (IA-32 emulation on), or through an entry.
i386_runs() {
  /usr/lib/wine/wine --version >/dev/null 2>&1
}

i386_emulation_start() {
  EMULATION_HOW=""
  if [ -e "$BINFMT_DIR/$BINFMT_NAME" ]; then
    EMULATION_ADDED_ENTRY=1 # left by a run that was killed: this run removes it
  fi
  if i386_runs; then
    EMULATION_HOW="$(grep -ls "^magic 7f454c4601010100" "$BINFMT_DIR"/* 2>/dev/null | head -1)"
    EMULATION_HOW="${EMULATION_HOW:+binfmt_misc entry $(basename "$EMULATION_HOW"), already registered}"
    EMULATION_HOW="${EMULATION_HOW:-the kernel (IA-32 emulation on)}"
    return 0
  fi
  [ "$(id -u)" -eq 0 ] || { EMULATION_REASON="32-bit programs do not run here and registering an emulator needs root"; return 1; }
  command -v qemu-i386-static >/dev/null ||
    { EMULATION_REASON="32-bit programs do not run here and qemu-i386-static (qemu-user-static) is not installed"; return 1; }
  if [ ! -f "$BINFMT_DIR/register" ]; then
    mount -t binfmt_misc binfmt_misc "$BINFMT_DIR" 2>/dev/null ||
      { EMULATION_REASON="32-bit programs do not run here and binfmt_misc cannot be mounted"; return 1; }
    EMULATION_MOUNTED=1
  fi
  if [ ! -e "$BINFMT_DIR/$BINFMT_NAME" ]; then
    # F: the kernel opens the emulator now, so it is found from any mount namespace or chroot.
    if ! printf '%s' ":$BINFMT_NAME:M::$BINFMT_MAGIC:$BINFMT_MASK:$(command -v qemu-i386-static):F" \
        >"$BINFMT_DIR/register" 2>/dev/null; then
      EMULATION_REASON="binfmt_misc refused the i386 entry"
      i386_emulation_stop
      return 1
    fi
    EMULATION_ADDED_ENTRY=1
  fi
  if ! i386_runs; then
    EMULATION_REASON="the 32-bit Wine loader does not start even under qemu-i386-static"
    i386_emulation_stop
    return 1
  fi
  EMULATION_HOW="qemu-i386-static, registered with binfmt_misc as $BINFMT_NAME for this run"
}

i386_emulation_stop() {
  if [ "$EMULATION_ADDED_ENTRY" = 1 ] && [ -e "$BINFMT_DIR/$BINFMT_NAME" ]; then
    echo -1 >"$BINFMT_DIR/$BINFMT_NAME" 2>/dev/null || true
  fi
  EMULATION_ADDED_ENTRY=0
  # Unmount only what this run mounted, and only while no one else has registered anything since.
  if [ "$EMULATION_MOUNTED" = 1 ] && [ -z "$(ls "$BINFMT_DIR" | grep -vx -e register -e status)" ]; then
    umount "$BINFMT_DIR" 2>/dev/null || true
  fi
  EMULATION_MOUNTED=0
}
