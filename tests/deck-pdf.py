#!/usr/bin/env python3
# Reads a PDF through `qpdf --json` and prints what its reader can navigate,
# one tab-separated record a line, for test-deck.c:
#   page    NUMBER  WIDTH  HEIGHT
#   outline DEPTH   TARGET TITLE
#   link    PAGE    TARGET X0 Y0 X1 Y1
#   info    KEY     VALUE
# Pages count from 1; TARGET is the page a link or an outline entry leads to,
# 0 when it leads nowhere. Coordinates are PDF's (origin bottom left).
import json
import subprocess
import sys


def text(value):
    """A PDF string as qpdf writes it in JSON ("u:..." or "b:hex")."""
    if isinstance(value, str) and value.startswith("u:"):
        return value[2:]
    if isinstance(value, str) and value.startswith("b:"):
        return bytes.fromhex(value[2:]).decode("latin-1")
    return value


def main(path):
    run = subprocess.run(["qpdf", "--json", path], capture_output=True, text=True)
    # 3: the PDF was read with warnings, which qpdf prints on stderr.
    if run.returncode not in (0, 3):
        sys.exit("qpdf failed: " + run.stderr)
    if run.returncode == 3:
        print("warning\t" + run.stderr.replace("\n", " "))
    doc = json.loads(run.stdout)
    objects = doc["qpdf"][1]

    def get(ref):
        while isinstance(ref, str) and ref.endswith(" R"):
            ref = objects.get("obj:" + ref, {}).get("value")
        return ref

    page_refs = [p["object"] for p in doc["pages"]]
    number_of = {ref: i + 1 for i, ref in enumerate(page_refs)}
    trailer = objects["trailer"]["value"]
    root = get(trailer["/Root"])

    names = {}

    def walk(node):
        node = get(node)
        pairs = node.get("/Names", [])
        for i in range(0, len(pairs) - 1, 2):
            names[text(pairs[i])] = get(pairs[i + 1])
        for kid in node.get("/Kids", []):
            walk(kid)

    if "/Names" in root and "/Dests" in get(root["/Names"]):
        walk(get(root["/Names"])["/Dests"])
    for key, value in (get(root.get("/Dests")) or {}).items():
        names[key.lstrip("/")] = get(value)

    def target(dest):
        dest = get(dest)
        if isinstance(dest, str):
            dest = names.get(text(dest))
        if isinstance(dest, dict):
            dest = get(dest.get("/D"))
        if isinstance(dest, list) and dest:
            return number_of.get(dest[0], 0)
        return 0

    for i, ref in enumerate(page_refs):
        page = get(ref)
        box = page.get("/MediaBox")
        print("page\t%d\t%g\t%g" % (i + 1, box[2] - box[0], box[3] - box[1]))
        for annot in page.get("/Annots", []):
            annot = get(annot)
            if annot.get("/Subtype") != "/Link":
                continue
            dest = annot.get("/Dest")
            if dest is None and "/A" in annot:
                dest = get(annot["/A"])
            rect = annot["/Rect"]
            print("link\t%d\t%d\t%g %g %g %g" % (i + 1, target(dest) if dest else 0, *rect))

    def outline(items, depth):
        for item in items:
            print("outline\t%d\t%d\t%s" % (depth, item.get("destpageposfrom1") or 0, item["title"]))
            outline(item.get("kids", []), depth + 1)

    outline(doc.get("outlines", []), 0)

    info = get(trailer.get("/Info")) or {}
    for key, value in info.items():
        print("info\t%s\t%s" % (key.lstrip("/"), str(text(value)).replace("\n", " ")))


if __name__ == "__main__":
    main(sys.argv[1])
