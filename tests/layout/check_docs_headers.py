#!/usr/bin/env python3
"""The reference pages document exactly the public headers, the user pages name no private code,
and every local link leads somewhere.

usage: check_docs_headers.py SOURCE_ROOT

The convention it checks:
  - A public header is every .hpp under include/mprnotify except those under detail/.
  - A header of a part, include/mprnotify/P/x.hpp, is documented by one section of the part's page
    docs/P.md whose heading is exactly
        ## `<mprnotify/P/x.hpp>`
    (P is core, notifyee, provider, registry or testing).
  - An entry header at the top, include/mprnotify/x.hpp, is documented by one row of the entry-header
    table in docs/README.md whose first cell is exactly `<mprnotify/x.hpp>`.
  - The user pages (README.md and every docs/*.md except internals.md and ci.md, the maintainers'
    pages) never name `detail/`, `mprnotify::detail` or `detail::`.
  - Every markdown link in README.md and docs/*.md to a local file ([text](docs/x.md),
    [text](../examples/...), with or without #anchor) names a file inside the repository that exists;
    an #anchor into a markdown page names one of its headings (GitHub's heading ids).
  - docs/README.md links to every other page of docs/.
Prints every difference and exits 1; prints a one-line summary and exits 0 otherwise.
"""
import pathlib
import re
import sys
import unicodedata

PARTS = ("core", "notifyee", "provider", "registry", "testing")
MAINTAINER_PAGES = {"internals.md", "ci.md"}
SECTION = re.compile(r"^## `<mprnotify/([^`<>]+\.hpp)>`\s*$", re.M)
ENTRY_ROW = re.compile(r"^\|\s*`<mprnotify/([^`<>]+\.hpp)>`\s*\|", re.M)
PRIVATE_NAME = re.compile(r"detail/|mprnotify::detail|detail::")
LINK = re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
FENCE = re.compile(r"^(```|~~~).*?^\1[^\n]*$", re.M | re.S)
CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1", re.S)
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$", re.M)


def public_headers(root):
    base = root / "include" / "mprnotify"
    return {
        path.relative_to(base).as_posix()
        for path in base.rglob("*.hpp")
        if path.relative_to(base).parts[0] != "detail"
    }


def without_code(text):
    """The text with fenced blocks and code spans blanked: links are looked for in prose only."""
    text = FENCE.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    return CODE_SPAN.sub(lambda m: " " * len(m.group(0)), text)


def slug(heading):
    """GitHub's id for a heading: lower case, punctuation and symbols dropped, spaces to hyphens."""
    heading = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", heading)  # a link in a heading keeps its text
    kept = []
    for c in heading.lower():
        if c.isalnum() or c in "-_" or unicodedata.category(c).startswith("M"):
            kept.append(c)
        elif c == " ":
            kept.append("-")
    return "".join(kept)


def anchors(page, cache):
    if page not in cache:
        seen, ids = {}, set()
        for match in HEADING.finditer(FENCE.sub("", page.read_text(encoding="utf-8"))):
            base = slug(match.group(2))
            count = seen.get(base, 0)
            seen[base] = count + 1
            ids.add(base if count == 0 else f"{base}-{count}")
        cache[page] = ids
    return cache[page]


def main():
    if len(sys.argv) != 2:
        print(next(line for line in __doc__.splitlines() if line.startswith("usage:")))
        return 64
    root = pathlib.Path(sys.argv[1]).resolve()
    docs = root / "docs"
    problems = []

    # 1. Every public header has its section, and every section its header.
    headers = public_headers(root)
    documented = {}  # header -> where
    for part in PARTS:
        page = docs / f"{part}.md"
        if not page.is_file():
            problems.append(f"docs/{part}.md: missing (the reference page of the {part} part)")
            continue
        for header in SECTION.findall(page.read_text(encoding="utf-8")):
            if header.split("/")[0] != part or "/" not in header:
                problems.append(f"docs/{part}.md: section <mprnotify/{header}> belongs to another page")
            if header in documented:
                problems.append(f"docs/{part}.md: <mprnotify/{header}> documented twice ({documented[header]})")
            documented[header] = f"docs/{part}.md"
    index = docs / "README.md"
    index_text = index.read_text(encoding="utf-8") if index.is_file() else ""
    if not index_text:
        problems.append("docs/README.md: missing (the index with the entry-header table)")
    for header in ENTRY_ROW.findall(index_text):
        if "/" in header:
            continue  # a part's header named in some other table: its section is what counts
        if header in documented:
            problems.append(f"docs/README.md: <mprnotify/{header}> listed twice")
        documented[header] = "docs/README.md"
    for header in sorted(headers - documented.keys()):
        where = "a row of the entry-header table in docs/README.md" if "/" not in header else (
            f"a section ## `<mprnotify/{header}>` in docs/{header.split('/')[0]}.md")
        problems.append(f"include/mprnotify/{header}: not documented (needs {where})")
    for header in sorted(documented.keys() - headers):
        problems.append(f"{documented[header]}: documents <mprnotify/{header}>, which is not a public header")

    # 2. The user pages name no private code; 3. every local link resolves.
    pages = [root / "README.md"] + sorted(docs.glob("*.md"))
    user_pages = [p for p in pages if p.parent != docs or p.name not in MAINTAINER_PAGES]
    for page in user_pages:
        for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), 1):
            for match in PRIVATE_NAME.finditer(line):
                problems.append(f"{page.relative_to(root)}:{number}: names private code ({match.group(0)})")
    links, cache = 0, {}
    index_targets = set()
    for page in pages:
        if not page.is_file():
            problems.append(f"{page.relative_to(root)}: missing")
            continue
        prose = without_code(page.read_text(encoding="utf-8"))
        for match in LINK.finditer(prose):
            target = match.group(1)
            if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", target):
                continue  # https:, mailto:: not a local file
            number = prose.count("\n", 0, match.start()) + 1
            where = f"{page.relative_to(root)}:{number}"
            path_part, _, anchor = target.partition("#")
            links += 1
            file = (page.parent / path_part).resolve() if path_part else page
            if root not in file.parents and file != root:
                problems.append(f"{where}: link {target} leaves the repository")
                continue
            if not file.exists():
                problems.append(f"{where}: link {target}: no such file")
                continue
            if page == index:
                index_targets.add(file)
            if anchor and file.suffix == ".md" and anchor not in anchors(file, cache):
                problems.append(f"{where}: link {target}: {file.relative_to(root)} has no heading #{anchor}")
    for page in sorted(docs.glob("*.md")):
        if page != index and page.resolve() not in index_targets:
            problems.append(f"docs/README.md: no link to docs/{page.name}")

    for line in problems:
        print(line)
    if problems:
        print(f"docs headers: {len(problems)} problem(s)")
        return 1
    print(f"docs headers: {len(headers)} public headers, each documented once "
          f"({len(headers) - sum(1 for h in headers if '/' not in h)} sections in the 5 part pages, "
          f"{sum(1 for h in headers if '/' not in h)} entry headers in docs/README.md); "
          f"{len(user_pages)} user pages name no private code; {links} local links resolve")
    return 0


if __name__ == "__main__":
    sys.exit(main())
