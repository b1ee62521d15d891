"""Objects alive at start-up leave the collector's walk; later garbage is still collected."""

from __future__ import annotations

import gc

from desktop_app.core.gc_pauses import freeze_startup_objects


def test_frozen_objects_are_out_of_full_collections_and_new_cycles_still_go():
    gc.collect()
    try:
        startup = [{"i": i} for i in range(20_000)]  # tracked containers, as a window's imports leave
        freeze_startup_objects()
        assert gc.get_freeze_count() >= len(startup)
        assert not any(obj is startup for obj in gc.get_objects(generation=2))  # not walked any more

        class Node:
            pass

        cycle = Node()
        cycle.me = cycle  # garbage only a collection can free
        del cycle
        assert gc.collect() >= 1
    finally:
        gc.unfreeze()
