"""Fit a textcat's sparse linear layer to convergence: L2-regularised logistic regression.

Why: a few epochs of minibatch SGD stop wherever the epochs run out; the
TF-IDF peer's logistic regression is the optimum of a regularised loss. Here
the same loss (softmax cross-entropy for the exclusive intent, sigmoid for the
emergency flag, plus ||W||^2 / (2 C n) as scikit-learn's C means it) is
minimised full-batch by L-BFGS, through the layer's own forward and backward
pass, so the weights land in the spaCy component unchanged in shape and speed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy
from spacy.training import Example

Objective = Callable[[numpy.ndarray], tuple[float, numpy.ndarray]]


def fit_textcat(pipe: Any, examples: list[Example], c: float, exclusive: bool,
                max_iter: int = 300) -> int:
    """Set the pipe's linear weights to the regularised optimum; returns the iterations used."""
    model = pipe.model
    layer = model.get_ref("output_layer")
    inputs = model.layers[0].predict([eg.predicted for eg in examples])
    truth = numpy.asarray(pipe._examples_to_truth(examples)[0], dtype="float32")
    w_size = layer.get_param("W").size
    l2 = 1.0 / (c * len(examples))

    def objective(theta: numpy.ndarray) -> tuple[float, numpy.ndarray]:
        layer.set_param("W", theta[:w_size].astype("float32"))
        layer.set_param("b", theta[w_size:].astype("float32"))
        scores, backprop = layer.begin_update(inputs)
        loss, d_scores = _loss(numpy.asarray(scores, dtype="float64"), truth, exclusive)
        layer.set_grad("W", numpy.zeros(w_size, dtype="float32"))
        layer.set_grad("b", numpy.zeros(theta.size - w_size, dtype="float32"))
        backprop(numpy.ascontiguousarray(d_scores / len(truth), dtype="float32"))
        grad = numpy.concatenate([layer.get_grad("W"), layer.get_grad("b")]).astype("float64")
        w = theta[:w_size]
        grad[:w_size] += l2 * w
        return loss / len(truth) + 0.5 * l2 * float(w @ w), grad

    start = numpy.concatenate([layer.get_param("W"), layer.get_param("b")]).astype("float64")
    theta, used = lbfgs(objective, start, max_iter)
    objective(theta)  # leaves the optimum in the layer
    return used


def _loss(scores: numpy.ndarray, truth: numpy.ndarray, exclusive: bool) -> tuple[float, numpy.ndarray]:
    """Summed log-loss and its gradient with respect to the scores."""
    if exclusive:
        shifted = scores - scores.max(axis=1, keepdims=True)
        log_p = shifted - numpy.log(numpy.exp(shifted).sum(axis=1, keepdims=True))
        return float(-(truth * log_p).sum()), numpy.exp(log_p) - truth
    p = 1.0 / (1.0 + numpy.exp(-scores))
    log_loss = numpy.logaddexp(0.0, scores) - truth * scores
    return float(log_loss.sum()), p - truth


def lbfgs(objective: Objective, theta: numpy.ndarray, max_iter: int, memory: int = 10,
          tol: float = 1e-7) -> tuple[numpy.ndarray, int]:
    """Minimise a smooth convex objective; backtracking line search, relative-decrease stop."""
    value, grad = objective(theta)
    history: list[tuple[numpy.ndarray, numpy.ndarray, float]] = []
    for used in range(1, max_iter + 1):
        direction = -_two_loop(grad, history)
        slope = float(grad @ direction)
        if slope >= 0:
            history.clear()
            direction, slope = -grad, -float(grad @ grad)
        step = 1.0 if history else 1.0 / max(1.0, float(numpy.sqrt(grad @ grad)))
        while True:
            new_theta = theta + step * direction
            new_value, new_grad = objective(new_theta)
            if new_value <= value + 1e-4 * step * slope or step < 1e-12:
                break
            step *= 0.5
        s, y = new_theta - theta, new_grad - grad
        sy = float(s @ y)
        if sy > 1e-12:
            history = (history + [(s, y, 1.0 / sy)])[-memory:]
        done = value - new_value <= tol * max(1.0, abs(value))
        theta, value, grad = new_theta, new_value, new_grad
        if done:
            return theta, used
    return theta, max_iter


def _two_loop(grad: numpy.ndarray, history: list[tuple[numpy.ndarray, numpy.ndarray, float]]
              ) -> numpy.ndarray:
    """The L-BFGS approximation of inverse Hessian times gradient."""
    q = grad.copy()
    alphas = []
    for s, y, rho in reversed(history):
        alpha = rho * float(s @ q)
        q -= alpha * y
        alphas.append(alpha)
    if history:
        s, y, _ = history[-1]
        q *= float(s @ y) / float(y @ y)
    for (s, y, rho), alpha in zip(history, reversed(alphas)):
        q += s * (alpha - rho * float(y @ q))
    return q
