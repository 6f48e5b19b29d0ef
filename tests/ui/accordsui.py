# accordsui.py — shared helpers for the UI tests: start Accords in a private
# home, find it in the AT-SPI tree, read and click what it shows.
#
# Copyright 2026 The Accords contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Run with Debian's /usr/bin/python3 (the gi bindings and Atspi live there).
# meson passes ACCORDS_BIN and ACCORDS_SAMPLE_LIBRARY in the environment.
# Notes on GTK 4.8's AT-SPI side, found by probing:
# - Text.get_text (0, -1) returns '': pass the character count instead.
# - Extents are relative to the window widget ("Screen coordinates not
#   supported"); without a window manager the window sits at 0,0, and the
#   X window is larger than the widget by the client-side frame margin.
# - States are no help for telling shown from hidden widgets: only the
#   frame says SHOWING, and a hidden stack page keeps its old extents.

import os
import shutil
import subprocess
import sys
import tempfile
import time
import traceback

SKIP = 77  # meson's exit code for a skipped test

Atspi = None


def log(*args):
    print(*args, file=sys.stderr, flush=True)


def require_display():
    """Skip (exit 77) when there is no display to open a window on."""
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        print("SKIP: no DISPLAY (run under xvfb-run, as build-aux/run-tests.sh does)")
        sys.exit(SKIP)

    global Atspi
    import gi

    gi.require_version("Atspi", "2.0")
    from gi.repository import Atspi as _Atspi

    Atspi = _Atspi
    Atspi.init()


def fail(message):
    raise AssertionError(message)


def wait_for(predicate, timeout, interval=0.2):
    """Call predicate until it returns something true or timeout seconds
    pass; returns its last value."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value or time.monotonic() >= deadline:
            return value
        time.sleep(interval)


# ---------------------------------------------------------------------------
# The accessible tree

def role(acc):
    try:
        return acc.get_role()
    except Exception:  # the object went away
        return None


def name(acc):
    try:
        return acc.get_name() or ""
    except Exception:
        return ""


def children(acc):
    try:
        count = acc.get_child_count()
    except Exception:
        return []
    result = []
    for i in range(count):
        try:
            child = acc.get_child_at_index(i)
        except Exception:
            continue
        if child is not None:
            result.append(child)
    return result


def walk(acc):
    """acc and all its descendants, depth first, in document order."""
    yield acc
    for child in children(acc):
        yield from walk(child)


def find_all(acc, predicate):
    return [a for a in walk(acc) if predicate(a)]


def find(acc, predicate):
    for a in walk(acc):
        if predicate(a):
            return a
    return None


def text(acc):
    """The text of an accessible with a Text interface, else its name."""
    try:
        if "Text" in acc.get_interfaces():
            count = Atspi.Text.get_character_count(acc)
            return Atspi.Text.get_text(acc, 0, count)
    except Exception:
        pass
    return name(acc)


def texts_below(acc):
    """The texts of the labels at or under acc, in order."""
    return [text(a) for a in walk(acc) if role(a) == Atspi.Role.LABEL]


def extents(acc):
    """(x, y, width, height) relative to the window, or None."""
    try:
        rect = Atspi.Component.get_extents(acc, Atspi.CoordType.WINDOW)
    except Exception:
        return None
    return (rect.x, rect.y, rect.width, rect.height)


def describe(acc):
    ext = extents(acc)
    where = f" [{ext[0]},{ext[1]} {ext[2]}x{ext[3]}]" if ext else ""
    shown = ""
    if role(acc) == Atspi.Role.LABEL:
        shown = f" text={text(acc)!r}"
    try:
        role_name = acc.get_role_name()
    except Exception:
        role_name = "?"
    return f"{role_name} {name(acc)!r}{shown}{where}"


def dump(acc, out=sys.stderr, depth=0, limit=2000):
    """Print the tree under acc; returns how many lines it printed."""
    print("  " * depth + describe(acc), file=out)
    printed = 1
    for child in children(acc):
        if printed >= limit:
            print("  " * (depth + 1) + "…", file=out)
            break
        printed += dump(child, out, depth + 1, limit - printed)
    return printed


# ---------------------------------------------------------------------------
# The application

class Accords:
    """One run of the accords executable in a fresh, private home, or in
    the home of an earlier run (home=that_run.home), which is then kept:
    its owner removes it."""

    def __init__(self, home=None):
        self.binary = os.environ.get("ACCORDS_BIN")
        if not self.binary or not os.access(self.binary, os.X_OK):
            fail(f"ACCORDS_BIN is not an executable: {self.binary!r}")
        self.owns_home = home is None
        self.home = tempfile.mkdtemp(prefix="accords-ui-") if home is None else home
        self.env = dict(os.environ)
        for var, sub in (("XDG_DATA_HOME", "data"), ("XDG_CONFIG_HOME", "config"),
                         ("XDG_CACHE_HOME", "cache"), ("XDG_STATE_HOME", "state")):
            path = os.path.join(self.home, sub)
            os.makedirs(path, exist_ok=True)
            self.env[var] = path
        self.env.setdefault("GSK_RENDERER", "cairo")
        self.env.setdefault("GSETTINGS_BACKEND", "memory")
        self.process = None
        self.log_path = os.path.join(self.home, "accords.log" if self.owns_home
                                     else f"accords-{os.getpid()}-{id(self)}.log")
        self.app = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()
        if self.owns_home:
            shutil.rmtree(self.home, ignore_errors=True)
        return False

    def cli(self, *args):
        """Run accords ARGS without a window; returns its stdout."""
        result = subprocess.run([self.binary, *args], env=self.env,
                                stdin=subprocess.DEVNULL, capture_output=True,
                                text=True, timeout=60)
        if result.returncode != 0:
            fail(f"accords {' '.join(args)} exited with {result.returncode}:\n"
                 f"{result.stderr}")
        return result.stdout

    def start(self, *args):
        # An X server that has just started (or is busy with another run
        # on the machine) may refuse the very first connection: that is the
        # environment, not the app, so try again a couple of times.
        for attempt in range(3):
            log_file = open(self.log_path, "w")
            # Same process group as the test: when meson stops a test that
            # ran out of time, it stops the group, and so the app too.
            self.process = subprocess.Popen([self.binary, *args], env=self.env,
                                            stdin=subprocess.DEVNULL,
                                            stdout=log_file, stderr=subprocess.STDOUT)
            log_file.close()
            log(f"started accords {' '.join(args)} (pid {self.process.pid})")
            deadline = time.monotonic() + 1.0
            while self.process.poll() is None and time.monotonic() < deadline:
                time.sleep(0.05)
            if self.process.poll() is None or "cannot open display" not in self.output():
                return
            log(f"the display refused accords (attempt {attempt + 1}); trying again")
            time.sleep(2)

    def check_running(self):
        if self.process is not None and self.process.poll() is not None:
            fail(f"accords exited early with status {self.process.returncode}")

    def close_window(self):
        """Close the window with Ctrl+W, as a user would, and check that
        the app then exits cleanly (a GLib critical aborts it, since the
        tests run with G_DEBUG=fatal-criticals)."""
        subprocess.run(["xdotool", "key", "ctrl+w"], check=True, timeout=30)
        try:
            status = self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            fail("accords did not quit after its window was closed")
        if status != 0:
            fail(f"accords exited with status {status} after its window was closed")
        log("closed the window: accords exited with status 0")

    def stop(self):
        if self.process is None:
            return
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None

    def output(self):
        try:
            with open(self.log_path, encoding="utf-8", errors="replace") as f:
                return f.read()
        except OSError:
            return ""

    def find_in_desktop(self, timeout=30):
        """Wait for the application to show up in the AT-SPI desktop."""
        def look():
            self.check_running()
            desktop = Atspi.get_desktop(0)
            for app in children(desktop):
                try:
                    if app.get_process_id() == self.process.pid:
                        return app
                except Exception:
                    continue
            return None

        self.app = wait_for(look, timeout)
        if self.app is None:
            fail(f"accords (pid {self.process.pid}) did not appear in the "
                 f"accessibility tree within {timeout} s")
        return self.app

    def wait_for_node(self, predicate, what, timeout=30):
        def look():
            self.check_running()
            Atspi.Accessible.clear_cache(self.app)
            return find(self.app, predicate)

        node = wait_for(look, timeout)
        if node is None:
            fail(f"no {what} in the accessibility tree after {timeout} s")
        return node

    def click(self, acc, window=None):
        """Click the centre of acc with the pointer, as a person would.
        window: the title of the window acc is in, when it is not the main
        one (a dialog)."""
        ext = extents(acc)
        if ext is None or ext[2] <= 0 or ext[3] <= 0:
            fail(f"cannot click {describe(acc)}: it has no extents")
        x = ext[0] + ext[2] // 2
        y = ext[1] + ext[3] // 2
        dx, dy = self._window_offset(window)
        log(f"clicking {describe(acc)} at {x + dx},{y + dy}")
        subprocess.run(["xdotool", "mousemove", "--sync", str(x + dx), str(y + dy),
                        "click", "1"], check=True, timeout=30)

    def _window_offset(self, window=None):
        """Where the window widget's 0,0 is on the screen: the X window's
        position plus the client-side frame margin around the widget.
        window: the title of a window other than the main one."""
        if window is None:
            frame = find(self.app, lambda a: role(a) == Atspi.Role.FRAME)
            search = ["--pid", str(self.process.pid)]
        else:
            frame = find(self.app, lambda a: role(a) == Atspi.Role.FRAME and name(a) == window)
            search = ["--all", "--pid", str(self.process.pid), "--name", f"^{window}$"]
        frame_ext = extents(frame) if frame is not None else None
        try:
            wid = subprocess.run(["xdotool", "search", "--onlyvisible", *search],
                                 capture_output=True, text=True, timeout=30).stdout.split()
            geometry = subprocess.run(["xdotool", "getwindowgeometry", "--shell",
                                       wid[0]], capture_output=True, text=True,
                                      timeout=30).stdout
            values = dict(line.split("=", 1) for line in geometry.split() if "=" in line)
            x, y = int(values["X"]), int(values["Y"])
            width, height = int(values["WIDTH"]), int(values["HEIGHT"])
        except (IndexError, KeyError, ValueError, subprocess.SubprocessError):
            return (0, 0)
        if frame_ext is None:
            return (x, y)
        return (x + max(0, (width - frame_ext[2]) // 2),
                y + max(0, (height - frame_ext[3]) // 2))

    def report(self, header):
        """Print what helps to understand a failure."""
        log(f"---- {header}")
        if self.app is not None:
            log("---- accessibility tree of accords:")
            try:
                Atspi.Accessible.clear_cache(self.app)
                dump(self.app)
            except Exception as e:  # the app may be gone
                log(f"(could not dump the tree: {e})")
        log("---- output of accords:")
        log(self.output() or "(none)")


# ---------------------------------------------------------------------------
# Lists, tables and scrolling (added for the facet sidebar test)

def record_rows(table):
    """The data rows of a table, top to bottom, each as (row, cells, texts):
    table rows whose table cells hold some text (the header row has none)."""
    rows = []
    for row in find_all(table, lambda a: role(a) == Atspi.Role.TABLE_ROW):
        cells = [c for c in children(row) if role(c) == Atspi.Role.TABLE_CELL]
        texts = [" ".join(t for t in texts_below(c) if t) for c in cells]
        if any(texts):
            rows.append((row, cells, texts))
    rows.sort(key=lambda r: (extents(r[0]) or (0, 0))[1])
    return rows


def list_items(acc):
    """The list items directly in the list acc, in order."""
    return [c for c in children(acc) if role(c) == Atspi.Role.LIST_ITEM]


def is_inside(acc, container):
    """Whether acc's extents lie wholly inside container's."""
    inner, outer = extents(acc), extents(container)
    if inner is None or outer is None or inner[2] <= 0 or inner[3] <= 0:
        return False
    return (inner[0] >= outer[0] and inner[1] >= outer[1]
            and inner[0] + inner[2] <= outer[0] + outer[2]
            and inner[1] + inner[3] <= outer[1] + outer[3])


def scroll_into_view(accords, find_node, container, timeout=30):
    """Turn the mouse wheel over container until the node find_node()
    returns lies inside container's extents; returns that node. find_node
    is called again after each turn, as rows may be rebuilt meanwhile.
    Only container's part of the accessibility cache is refreshed."""
    deadline = time.monotonic() + timeout
    while True:
        accords.check_running()
        Atspi.Accessible.clear_cache(container)
        node = find_node()
        if node is not None and is_inside(node, container):
            return node
        if time.monotonic() >= deadline:
            fail(f"could not scroll {describe(node) if node else 'the node'} "
                 f"into view in {describe(container)}")
        box, ext = extents(container), extents(node) if node is not None else None
        if box is None:
            fail(f"cannot scroll {describe(container)}: it has no extents")
        if ext is not None and ext[1] < box[1]:
            button, distance = "4", box[1] - ext[1]  # up
        else:
            button = "5"  # down
            distance = (ext[1] + ext[3] - box[1] - box[3]) if ext is not None else box[3]
        # A notch scrolls some 50 pixels or more; do not overshoot by much.
        notches = max(1, min(10, distance // 60 + 1))
        dx, dy = accords._window_offset()
        subprocess.run(["xdotool", "mousemove", "--sync",
                        str(box[0] + box[2] // 2 + dx), str(box[1] + box[3] // 2 + dy),
                        "click", "--repeat", str(notches), "--delay", "50", button],
                       check=True, timeout=30)
        time.sleep(0.3)


def run(check, success):
    """The body of a UI test: start Accords, run check(accords), and on a
    failure print why with the accessible tree. Returns the exit status."""
    require_display()
    with Accords() as accords:
        try:
            check(accords)
        except AssertionError as e:
            log(f"FAIL: {e}")
            accords.report("state at the failure")
            return 1
        except Exception:
            log("FAIL: unexpected error")
            traceback.print_exc()
            accords.report("state at the failure")
            return 1
    print(f"PASS: {success}")
    return 0
