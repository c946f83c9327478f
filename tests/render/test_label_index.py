"""The index flow labels are placed with: the route stretches a box crosses are counted the same
way whether each stretch is kept as a box or read back from its route's points, and the gap a
label stands in is the nearest one."""

from __future__ import annotations

import random
from itertools import pairwise

from generate import generate

from blueprint import loads
from blueprint.layout import Box, layout
from blueprint.layout.labels import Boxes, Edges, nearest


def test_edges_count_the_stretches_a_box_of_each_would():
    picture = layout(loads(generate(300)))
    routes = picture.routes
    # Every other route its own owner, the rest owned by their neighbour (a request and its answer).
    owners = [routes[n - n % 2] for n in range(len(routes))]
    edges, boxes = Edges(routes, owners), Boxes()
    for route, owner in zip(routes, owners):
        for (x0, y0), (x1, y1) in pairwise(route.points):
            boxes.add(Box(min(x0, x1) - 0.5, min(y0, y1) - 0.5, abs(x1 - x0) + 1, abs(y1 - y0) + 1), owner)
    rng = random.Random(7)
    counted = []
    for _ in range(400):
        box = Box(rng.uniform(-50, picture.width), rng.uniform(-50, picture.height), rng.uniform(1, 300),
                  rng.uniform(1, 120))
        ignore = rng.choice([None, *owners[:40]])
        counted.append(edges.hits(box, ignore))
        assert counted[-1] == boxes.hits(box, ignore), box
    assert sum(1 for n in counted if n) > 100  # most boxes cross some route: the check is not empty


def test_the_nearest_gap_is_the_first_of_the_nearest_found_by_a_scan():
    picture = layout(loads(generate(300)))
    centers = sorted({x for route in picture.routes for x, _ in route.points})
    rng = random.Random(3)
    probes = [*centers, *((a + b) / 2 for a, b in pairwise(centers)), -10.0, centers[-1] + 10,
              *(rng.uniform(0, picture.width) for _ in range(500))]
    for x in probes:
        assert nearest(centers, x) == min(range(len(centers)), key=lambda k: abs(centers[k] - x)), x
