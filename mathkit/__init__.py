"""mathkit: the tested computation layer of the course (numpy, sympy, scipy; no manim).

Every number, curve and point a scene shows comes from here, and every function
is checked in ``tests/mathkit`` against an independent reference.
"""
