"""Before the window opens on Linux: can Qt's platform plugin for this session load its system libraries?

Qt aborts the process when it cannot (exit 134 after a page of plugin names, and from Qt 6.5 a hint naming the
wrong package for most systems), and also when the display it is given does not answer. Loading the plugin file
first with the system's loader (``dlopen``) gives the first library it lacks; connecting once with the plugin's own
client library (libxcb, libwayland-client) tells whether the display answers. The command line
(``reader.cli.documents``) turns either into one line: the package to install, or the display that did not answer.
"""

from __future__ import annotations

import ctypes
import os
import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

_MISSING = re.compile(r"([\w.+-]+\.so[\w.]*): cannot open shared object file")
# Qt's xcb plugin loads this one itself at start-up (Qt 6.5 and later) and aborts without it.
XCB_RUNTIME = ("libxcb-cursor.so.0",)


def debian_package(soname: str) -> str:
    """The Debian/Ubuntu package that ships a library, by Debian's naming rule: ``libxcb-icccm.so.4`` is in
    ``libxcb-icccm4``, ``libxkbcommon-x11.so.0`` in ``libxkbcommon-x11-0`` (a hyphen when the name ends in a digit);
    "" for names the rule does not cover (``libglib-2.0.so.0`` is in libglib2.0-0)."""
    m = re.fullmatch(r"(lib[\w+-]+?)\.so\.(\d+)(?:\.[\d.]+)?", soname)
    if not m:
        return ""
    name, major = m.group(1).lower().replace("_", "-"), m.group(2)
    return f"{name}-{major}" if name[-1].isdigit() else f"{name}{major}"


def platforms(env: Mapping[str, str]) -> list[str]:
    """The platform plugins Qt will try for this session, in order (QT_QPA_PLATFORM's list when it is set)."""
    chosen = env.get("QT_QPA_PLATFORM", "")
    if chosen:
        return [p.split(":", 1)[0] for p in chosen.split(";") if p]
    if env.get("WAYLAND_DISPLAY") and env.get("XDG_SESSION_TYPE", "").lower() == "wayland":
        return ["wayland", "xcb"]
    return ["xcb"]


def missing_library(plugin: Path, also: tuple[str, ...] = ()) -> str | None:
    """The first library that ``plugin`` (or one of ``also``) cannot load, or None when all load."""
    for path in (str(plugin), *also):
        try:
            ctypes.CDLL(path, mode=os.RTLD_LAZY | os.RTLD_LOCAL)
        except OSError as exc:
            found = _MISSING.search(str(exc))
            return found.group(1) if found else Path(path).name
    return None


def plugin_folders(env: Mapping[str, str]) -> list[Path]:
    """Where Qt looks for plugins, in its order: QT_PLUGIN_PATH's folders, then its own."""
    from PySide6.QtCore import QLibraryInfo

    listed = [Path(p) for p in env.get("QT_PLUGIN_PATH", "").split(os.pathsep) if p]
    return [*listed, Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))]


def unreachable_display(platform: str, env: Mapping[str, str]) -> str:
    """The display named in ``env`` that the loaded ``platform`` plugin's client library cannot connect to ("" when
    it can): an X server for xcb (``xcb_connect``), a compositor for wayland (``wl_display_connect``)."""
    try:
        if platform == "xcb":
            xcb = ctypes.CDLL("libxcb.so.1")
            xcb.xcb_connect.restype = ctypes.c_void_p
            xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
            xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
            xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
            name = env.get("DISPLAY", "")
            connection = xcb.xcb_connect(name.encode() if name else None, None)
            failed = xcb.xcb_connection_has_error(connection) != 0
            xcb.xcb_disconnect(connection)  # also frees a connection that failed
            return f"DISPLAY={name}" if failed else ""
        if platform == "wayland":
            wayland = ctypes.CDLL("libwayland-client.so.0")
            wayland.wl_display_connect.restype = ctypes.c_void_p
            wayland.wl_display_connect.argtypes = [ctypes.c_char_p]
            wayland.wl_display_disconnect.argtypes = [ctypes.c_void_p]
            name = env.get("WAYLAND_DISPLAY", "")
            display = wayland.wl_display_connect(name.encode() if name else None)
            if not display:
                return f"WAYLAND_DISPLAY={name}"
            wayland.wl_display_disconnect(display)
    except (OSError, AttributeError):
        return ""  # the plugin loaded, so its libraries are there; if this probe cannot run, let Qt try
    return ""


@dataclass(frozen=True)
class PlatformProblem:
    """Qt's ``platform`` plugin cannot load (``library`` is missing) or cannot reach its ``display``."""

    platform: str
    library: str = ""
    display: str = ""

    @property
    def bundled(self) -> bool:
        """The missing library is Qt's own (a damaged installation), not one the system should provide."""
        return self.library.startswith(("libQt6", "libq"))

    @property
    def package(self) -> str:
        return debian_package(self.library)


def platform_problem(env: Mapping[str, str] | None = None) -> PlatformProblem | None:
    """Why no window can open on this Linux session, or None when one can (or Qt will not use a desktop platform
    plugin: offscreen, minimal, another OS). On a Wayland session it is a problem only when X11 fails too."""
    if not sys.platform.startswith("linux"):
        return None
    env = os.environ if env is None else env
    names = [n for n in platforms(env) if n in ("xcb", "wayland")]
    if not names:
        return None
    folders = plugin_folders(env)
    problems = []
    for name in names:
        found = [f / "platforms" / f"libq{name}.so" for f in folders if (f / "platforms" / f"libq{name}.so").exists()]
        plugin = found[0] if found else folders[-1] / "platforms" / f"libq{name}.so"
        lacking = missing_library(plugin, XCB_RUNTIME if name == "xcb" else ())
        if lacking is None:
            display = unreachable_display(name, env)
            if not display:
                return None
            problems.append(PlatformProblem(name, display=display))
        else:
            problems.append(PlatformProblem(name, lacking))
    return problems[-1] if problems[-1].platform == "xcb" else problems[0]
