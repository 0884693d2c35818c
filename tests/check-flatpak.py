#!/usr/bin/env python3
# check-flatpak.py MANIFEST SOURCE-ROOT BUILD-DIR DESKTOP-FILE [FLATPAK-BUILDER]
#
# The Flatpak manifest as flatpak-builder reads it (no unknown property, no
# parse error; without flatpak-builder the rest is checked and the test then
# skips), and against the build it packages:
# - every library the application's meson.build files ask for is either in
#   the GNOME runtime or built by a module of the manifest, and the manifest
#   builds nothing else (save the painters' font and Waymark itself);
# - the painters' font (the first family of WM_FONT_FAMILY) comes with the
#   runtime or from a module that installs it into share/fonts;
# - the app id and command are meson's, the desktop file's and the D-Bus
#   name's; the sandbox has what a GTK application needs; every download is
#   pinned by its SHA-256.
import json
import os
import re
import subprocess
import sys
import tempfile

manifest_path, source_root, build_dir, desktop_path = sys.argv[1:5]
flatpak_builder = sys.argv[5] if len(sys.argv) > 5 else ""
failures = []

# What org.gnome.Platform 46 carries: GNOME's own libraries on top of the
# freedesktop-sdk 23.08 platform (elements/platform.bst there lists
# libarchive, libxml2, libpng, cairo, pango, gdk-pixbuf, librsvg and zlib;
# Graphviz is in neither the platform nor the SDK).
RUNTIME = {
    "glib-2.0", "gobject-2.0", "gio-2.0", "gtk4", "libadwaita-1",
    "libxml-2.0", "cairo", "cairo-pdf", "cairo-svg", "cairo-png",
    "pango", "pangocairo", "gdk-pixbuf-2.0", "librsvg-2.0", "zlib", "libarchive",
    "libpng",
}
# The font families of that runtime: GNOME's Cantarell, freedesktop's DejaVu,
# Liberation, GNU FreeFont and TeX Gyre.
RUNTIME_FONTS = {"cantarell", "dejavu sans", "dejavu serif", "dejavu sans mono",
                 "liberation sans", "liberation serif", "liberation mono",
                 "freesans", "freeserif", "freemono", "sans-serif", "sans", "serif"}
# A module named otherwise than the pkg-config name it provides.
MODULE_OF = {"libgvc": "graphviz"}
# The sandbox of a GTK application that opens no network and uses portals
# for files.
FINISH_ARGS = {"--share=ipc", "--socket=wayland", "--socket=fallback-x11", "--device=dri"}


def fail(message):
    failures.append(message)


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def app_meson_files():
    """The meson.build files of what is installed: not the tests."""
    for top, dirs, files in os.walk(source_root):
        rel = os.path.relpath(top, source_root)
        dirs[:] = [d for d in dirs
                   if not d.startswith((".", "build")) and
                   not (rel == "." and d in ("tests", "po", "subprojects"))]
        if "meson.build" in files:
            yield os.path.join(top, "meson.build")


def meson_dependencies():
    names = set()
    for path in app_meson_files():
        text = re.sub(r"#[^\n]*", "", read(path))
        names.update(re.findall(r"\bdependency\(\s*'([^']+)'", text))
    return names


def introspected_dependencies():
    """The names meson itself found, to catch a dependency() the regex missed."""
    out = subprocess.run(["meson", "introspect", "--dependencies", build_dir],
                         check=True, capture_output=True, text=True).stdout
    return {d["name"] for d in json.loads(out)}


# flatpak-builder only warns about a property it does not know, and then
# builds without it.
if flatpak_builder:
    # It makes its state folder in the current one even to show a manifest:
    # a temporary one.
    with tempfile.TemporaryDirectory() as state:
        shown = subprocess.run([flatpak_builder, "--show-manifest",
                                os.path.abspath(manifest_path)],
                               cwd=state, capture_output=True, text=True)
    if shown.returncode != 0 or "WARNING" in shown.stderr:
        fail(f"flatpak-builder does not read the manifest cleanly: {shown.stderr.strip()}")

manifest = json.loads(read(manifest_path))
modules = manifest.get("modules", [])
module_names = [m.get("name") if isinstance(m, dict) else m for m in modules]

# The libraries.
wanted = meson_dependencies()
try:
    found = introspected_dependencies()
    if not wanted <= found:
        fail(f"parsed dependencies that meson does not know: {sorted(wanted - found)}")
except (OSError, subprocess.CalledProcessError) as e:
    print(f"# meson introspect unavailable ({e}); using the parsed meson.build files only")
own = {MODULE_OF.get(name, name) for name in wanted - RUNTIME}

# The painters' font.
match = re.search(r'#define\s+WM_FONT_FAMILY\s+"([^"]+)"',
                  read(os.path.join(source_root, "renderers", "wm-draw.h")))
family = match.group(1).split(",")[0].strip() if match else ""
if not family:
    fail("no WM_FONT_FAMILY in renderers/wm-draw.h")
elif family.lower() not in RUNTIME_FONTS:
    font_module = family.lower().replace(" ", "-")
    own.add(font_module)
    spec = next((m for m in modules if isinstance(m, dict) and m.get("name") == font_module), {})
    if not any("share/fonts" in c for c in spec.get("build-commands", [])):
        fail(f"the module “{font_module}” does not install the font “{family}” "
             "into share/fonts")

own.add("waymark")
if set(module_names) != own:
    missing, extra = own - set(module_names), set(module_names) - own
    if missing:
        fail(f"no module for {sorted(missing)} (neither in the runtime nor built)")
    if extra:
        fail(f"modules that meson does not ask for: {sorted(extra)}")
if len(module_names) != len(set(module_names)):
    fail(f"a module is listed twice: {module_names}")
if module_names and module_names[-1] != "waymark":
    fail("Waymark is not the last module, built on the others")

# Waymark itself, from this tree, with meson.
waymark = modules[-1] if modules and isinstance(modules[-1], dict) else {}
if waymark.get("buildsystem") != "meson":
    fail("the waymark module is not built with meson")
dirs = [s for s in waymark.get("sources", []) if s.get("type") == "dir"]
manifest_dir = os.path.dirname(os.path.abspath(manifest_path))
if len(dirs) != 1 or not os.path.samefile(os.path.join(manifest_dir, dirs[0].get("path", "")),
                                          source_root):
    fail("the waymark module's source is not this source tree")

# Names.
top = read(os.path.join(source_root, "meson.build"))
app_id = re.search(r"^app_id\s*=\s*'([^']+)'", top, re.M).group(1)
# The application's executable (app/meson.build builds helpers beside it).
executable = re.search(r"^waymark_exe\s*=\s*executable\(\s*'([^']+)'",
                       read(os.path.join(source_root, "app", "meson.build")), re.M).group(1)
desktop = read(desktop_path)
exec_line = re.search(r"^Exec=(\S+)", desktop, re.M)
if manifest.get("id", manifest.get("app-id")) != app_id:
    fail(f"the manifest's id is not meson's app_id {app_id}")
if os.path.basename(desktop_path) != app_id + ".desktop":
    fail(f"the desktop file is not named {app_id}.desktop")
if manifest.get("command") != executable:
    fail(f"the manifest's command is not the executable “{executable}”")
if not exec_line or os.path.basename(exec_line.group(1)) != executable:
    fail(f"the desktop file does not run “{executable}”")
if not re.search(r"^DBusActivatable=true$", desktop, re.M):
    fail("the desktop file is not DBusActivatable")

# Runtime, sandbox, sources.
if manifest.get("runtime") != "org.gnome.Platform" or manifest.get("sdk") != "org.gnome.Sdk":
    fail("not built on the GNOME runtime and SDK")
if not re.fullmatch(r"\d+", str(manifest.get("runtime-version", ""))):
    fail("the runtime version is not a GNOME release")
args = set(manifest.get("finish-args", []))
if args != FINISH_ARGS:
    fail(f"finish-args {sorted(args)}, expected {sorted(FINISH_ARGS)}")
for module in modules:
    for source in module.get("sources", []) if isinstance(module, dict) else []:
        if source.get("type") in ("archive", "file"):
            if not source.get("url", "").startswith("https://"):
                fail(f"{module['name']}: a download not over https")
            if not re.fullmatch(r"[0-9a-f]{64}", source.get("sha256", "")):
                fail(f"{module['name']}: {source.get('url')} has no SHA-256")

for message in failures:
    print(f"FAIL: {message}", file=sys.stderr)
print(f"# modules {module_names}; from the runtime {sorted(wanted & RUNTIME)}")
if failures:
    sys.exit(1)
if not flatpak_builder:
    print("SKIP: flatpak-builder not found; install flatpak-builder (build-aux/deps.sh does)")
    sys.exit(77)
