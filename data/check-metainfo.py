#!/usr/bin/env python3
# What appstreamcli does not check in the metainfo but software centres show:
# a summary that fits a tile, brand colours for both styles, screenshots that
# are the files in data/screenshots at the size declared, with a caption each,
# and releases newest first, the newest being the version meson builds.
# Usage: check-metainfo.py METAINFO SCREENSHOTS-DIR VERSION
import os
import struct
import sys
import xml.etree.ElementTree as ET

metainfo, screenshots_dir, version = sys.argv[1:4]
failures = []


def fail(message):
    failures.append(message)


def png_size(path):
    with open(path, "rb") as f:
        header = f.read(24)
    if header[:8] != b"\x89PNG\r\n\x1a\n":
        return None
    return struct.unpack(">II", header[16:24])


def version_key(text):
    return tuple(int(part) for part in text.split("."))


root = ET.parse(metainfo).getroot()

# GNOME Software cuts a summary past 35 characters.
summary = root.findtext("summary", "")
if not summary or len(summary) > 35:
    fail(f"summary “{summary}” has {len(summary)} characters, more than 35")

schemes = {c.get("scheme_preference") for c in root.findall("branding/color")
           if c.get("type") == "primary"}
if schemes != {"light", "dark"}:
    fail(f"branding has primary colours for {sorted(s or 'none' for s in schemes)}, "
         "not light and dark")

shots = root.findall("screenshots/screenshot")
if not shots:
    fail("no screenshots")
if sum(1 for s in shots if s.get("type") == "default") != 1:
    fail("not exactly one default screenshot")
listed = set()
for shot in shots:
    image = shot.find("image")
    caption = (shot.findtext("caption") or "").strip()
    url = image.text.strip() if image is not None and image.text else ""
    name = url.rsplit("/", 1)[-1]
    listed.add(name)
    if not caption:
        fail(f"{name}: no caption")
    path = os.path.join(screenshots_dir, name)
    if not os.path.exists(path):
        fail(f"{name}: not in {screenshots_dir}")
        continue
    size = png_size(path)
    declared = (int(image.get("width", 0)), int(image.get("height", 0)))
    if size != declared:
        fail(f"{name}: the file is {size}, the metainfo says {declared}")
    dark = shot.get("environment", "").endswith(":dark")
    if dark != name.endswith("-dark.png"):
        fail(f"{name}: environment “{shot.get('environment', '')}” does not match the file")
    if (image.get("scale") == "2") != name.endswith("-2x.png"):
        fail(f"{name}: scale “{image.get('scale', '1')}” does not match the file")
for name in sorted(os.listdir(screenshots_dir)):
    if name.endswith(".png") and name not in listed:
        fail(f"{name}: in {screenshots_dir} but not in the metainfo")

releases = root.findall("releases/release")
versions = [r.get("version", "") for r in releases]
if not releases:
    fail("no releases")
elif versions[0] != version:
    fail(f"the newest release is {versions[0]}, meson builds {version}")
if versions != sorted(versions, key=version_key, reverse=True):
    fail(f"releases are not newest first: {versions}")
for release in releases:
    notes = release.find("description")
    text = "".join(notes.itertext()).strip() if notes is not None else ""
    if not text:
        fail(f"release {release.get('version')} says nothing about what it brought")

for message in failures:
    print(f"FAIL: {message}", file=sys.stderr)
print(f"{len(shots)} screenshots, {len(releases)} releases, summary “{summary}”")
sys.exit(1 if failures else 0)
