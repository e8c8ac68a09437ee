"""The kNN vote blended into the category head (council.assess.classifier.knn_blend)."""

import numpy as np

from council.assess.classifier import KNN_WEIGHT, knn_blend, sharpen


def test_nearest_rows_vote_their_labels():
    head = np.array([[0.9, 0.1, 0.0]])
    # Reference rows: two near ones labelled class 2, one far one labelled class 0.
    labels = np.array([[0.0, 0.0, 1.0], [0.0, 0.0, 1.0], [1.0, 0.0, 0.0]])
    similarity = np.array([[0.95, 0.9, 0.2]])
    p = knn_blend(head, similarity, labels, k=2)
    assert np.allclose(p.sum(axis=1), 1.0)
    assert np.allclose(p, (1 - KNN_WEIGHT) * head + KNN_WEIGHT * np.array([[0, 0, 1.0]]))


def test_closer_neighbours_weigh_more_and_split_labels_split_the_vote():
    head = np.zeros((1, 2))
    labels = np.array([[1.0, 0.0], [0.5, 0.5]])
    p = knn_blend(head, np.array([[0.5, 0.9]]), labels, weight=1.0, k=2)
    # The closer row (split 0.5/0.5) dominates: class 1 gets nearly half, not a quarter.
    assert 0.45 < p[0, 1] < 0.5 and np.isclose(p.sum(), 1.0)


def test_no_reference_rows_leaves_the_head_alone():
    head = np.array([[0.3, 0.7]])
    assert np.array_equal(knn_blend(head, np.zeros((1, 0)), np.zeros((0, 2))), head)


def test_sharpen_keeps_the_order_and_a_temperature_below_one_sharpens():
    p = np.array([[0.5, 0.3, 0.2]])
    q = sharpen(p, 0.7)
    assert np.allclose(q.sum(), 1.0) and q[0, 0] > p[0, 0]
    assert list(np.argsort(q[0])) == list(np.argsort(p[0]))
