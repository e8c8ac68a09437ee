"""How long the catalog export takes: the Catalog page's download (export_archive) and what
`council catalog export` writes (write_catalog), warm, median of N runs.

    python bench/export_time.py [--runs 5]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from council.config import PROJECT_ROOT


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    started = time.perf_counter()
    from council.catalog.export import export_archive, write_catalog
    from council.catalog.loader import load_catalog_dir

    print(f"import export + loader {time.perf_counter() - started:.2f} s")
    files = PROJECT_ROOT / "models_catalog"
    catalog = load_catalog_dir(files)
    archive, write = [], []
    for _ in range(runs):
        t = time.perf_counter()
        data = export_archive(catalog, files, [])
        archive.append(time.perf_counter() - t)
        with tempfile.TemporaryDirectory() as tmp:
            target = Path(tmp) / "models_catalog"
            shutil.copytree(files, target)
            t = time.perf_counter()
            write_catalog(catalog, target)
            write.append(time.perf_counter() - t)
    for name, times in (("export_archive (the page's zip)", archive),
                        ("write_catalog (council catalog export)", write)):
        print(f"{name}: median {statistics.median(times):.2f} s "
              f"(runs {', '.join(f'{x:.2f}' for x in times)})")
    print(f"zip {len(data):,} bytes")


if __name__ == "__main__":
    main()
