#!/usr/bin/env python3
"""windows_only_headers.py finds the Windows-only headers of a small include tree built here.

Prints what it checked and exits 1 when a header is classified wrongly.
"""
import pathlib
import sys
import tempfile

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from windows_only_headers import windows_only  # noqa: E402

TREE = {
    # public, guards its Windows part itself: portable although registration.hpp includes it under _WIN32
    "lib/registry.hpp": '#include "names.hpp"\n#if defined(_WIN32)\n#  include "key.hpp"\n#endif\n',
    "lib/registration.hpp": '#ifdef _WIN32\n#  include "registry.hpp"\n#  include "detail/values.hpp"\n#endif\n',
    "lib/names.hpp": "// portable, included unconditionally\n",
    "lib/key.hpp": '#include "detail/handle.hpp"\n',               # only under _WIN32: Windows-only
    "lib/detail/handle.hpp": "// only from key.hpp: Windows-only\n",
    "lib/detail/values.hpp": '#include "../names.hpp"\n',
    # included under _WIN32 by one header and unconditionally by another: portable
    "lib/shared.hpp": "// both ways\n",
    "lib/user_a.hpp": '#if defined(_WIN32) && defined(__clang__)\n#  include "shared.hpp"\n#endif\n',
    "lib/user_b.hpp": '#include "shared.hpp"\n',
    # the #else branch of a _WIN32 test is not Windows-only
    "lib/posix.hpp": "// included only off Windows\n",
    "lib/split.hpp": '#if defined(_WIN32)\n#  include "win.hpp"\n#else\n#  include "posix.hpp"\n#endif\n',
    "lib/win.hpp": "// only under _WIN32\n",
    # nobody includes it: a public entry point
    "lib/top.hpp": "// standalone\n",
}
EXPECTED = ["lib/detail/handle.hpp", "lib/detail/values.hpp", "lib/key.hpp", "lib/win.hpp"]


def main() -> int:
    with tempfile.TemporaryDirectory() as scratch:
        root = pathlib.Path(scratch)
        for path, text in TREE.items():
            (root / path).parent.mkdir(parents=True, exist_ok=True)
            (root / path).write_text(text)
        found = windows_only(root.resolve())
    print(f"found {found}")
    print(f"expected {EXPECTED}")
    return 0 if found == EXPECTED else 1


if __name__ == "__main__":
    sys.exit(main())
